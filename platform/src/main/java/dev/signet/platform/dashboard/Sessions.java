package dev.signet.platform.dashboard;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Dashboard sign-in sessions (decision 0021): a random 256-bit id in an {@code HttpOnly}, {@code SameSite=Strict}
 * cookie ({@code Secure} over https), only its SHA-256 hash in the database, so every replica can check it. Each
 * session's CSRF token is derived from the id (a different hash), so it needs no storage and no other page can
 * compute it.
 */
final class Sessions {
    static final String COOKIE = "signet_session";
    /** The sign-in form's own CSRF cookie (double submit): there is no session yet to derive a token from. */
    static final String SIGN_IN_COOKIE = "signet_signin";

    private final SessionStore store;
    private final Clock clock;
    private final SecureRandom random;
    private final DashboardSettings settings;

    Sessions(SessionStore store, Clock clock, SecureRandom random, DashboardSettings settings) {
        this.store = store;
        this.clock = clock;
        this.random = random;
        this.settings = settings;
    }

    /** A signed-in browser's session. */
    record Session(String idHash, String csrf) {}

    /** Starts a session and sets its cookie. */
    Session start(Context ctx) {
        String id = newToken();
        Instant now = clock.instant();
        store.insert(hash("session", id), now, now.plus(settings.sessionLifetime()));
        setCookie(ctx, COOKIE, id, settings.sessionLifetime());
        clearCookie(ctx, SIGN_IN_COOKIE);
        return new Session(hash("session", id), hash("csrf", id));
    }

    /** The browser's live session; an expired one is removed. */
    Optional<Session> find(Context ctx) {
        String id = ctx.cookie(COOKIE);
        if (id == null || id.isBlank() || id.length() > 100) {
            return Optional.empty();
        }
        String idHash = hash("session", id);
        Optional<Instant> expiry = store.expiry(idHash);
        if (expiry.isEmpty()) {
            return Optional.empty();
        }
        if (!expiry.get().isAfter(clock.instant())) {
            store.delete(idHash);
            return Optional.empty();
        }
        return Optional.of(new Session(idHash, hash("csrf", id)));
    }

    /** Ends the session and clears its cookie. */
    void end(Context ctx, Session session) {
        store.delete(session.idHash());
        clearCookie(ctx, COOKIE);
    }

    /** Removes sessions that have expired (run now and then; they are refused either way). */
    int sweep() {
        return store.deleteExpired(clock.instant());
    }

    /** The sign-in form's CSRF token: the cookie's if the browser has one, else a new one set as a cookie. */
    String signInToken(Context ctx) {
        String token = ctx.cookie(SIGN_IN_COOKIE);
        if (token == null || token.length() != 43) {
            token = newToken();
            setCookie(ctx, SIGN_IN_COOKIE, token, Duration.ofHours(1));
        }
        return token;
    }

    /** Whether the sign-in form's field matches its cookie. */
    static boolean signInTokenMatches(Context ctx, @Nullable String field) {
        return matches(ctx.cookie(SIGN_IN_COOKIE), field);
    }

    /** Whether {@code field} is the session's CSRF token (constant time). */
    static boolean csrfMatches(Session session, @Nullable String field) {
        return matches(session.csrf(), field);
    }

    private static boolean matches(@Nullable String expected, @Nullable String field) {
        if (expected == null || field == null || expected.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), field.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether the browser reached us over https (see {@link DashboardSettings#trustForwardedProto()}). */
    boolean https(Context ctx) {
        if (settings.trustForwardedProto()) {
            String forwarded = ctx.header("X-Forwarded-Proto");
            if (forwarded != null) {
                return forwarded.strip().equalsIgnoreCase("https");
            }
        }
        return "https".equalsIgnoreCase(ctx.scheme());
    }

    private void setCookie(Context ctx, String name, String value, Duration maxAge) {
        ctx.res()
                .addHeader(
                        "Set-Cookie",
                        name + "=" + value + "; Path=/; Max-Age=" + maxAge.toSeconds() + "; HttpOnly; SameSite=Strict"
                                + (https(ctx) ? "; Secure" : ""));
    }

    private void clearCookie(Context ctx, String name) {
        ctx.res()
                .addHeader(
                        "Set-Cookie",
                        name + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + (https(ctx) ? "; Secure" : ""));
    }

    private String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A purpose-separated SHA-256: the stored hash and the CSRF token of one id never coincide. */
    private static String hash(String purpose, String id) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(("signet-dashboard-" + purpose + "\0").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(id.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
