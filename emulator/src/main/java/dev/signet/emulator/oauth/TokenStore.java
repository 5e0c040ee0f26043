package dev.signet.emulator.oauth;

import dev.signet.emulator.secret.RandomTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;

/** Issued access tokens, opaque and random; a new token never invalidates older ones. Thread-safe. */
public final class TokenStore {
    /** Zoom's access token life, as its {@code expires_in} says. */
    public static final Duration ACCESS_TOKEN_LIFE = Duration.ofSeconds(3599);

    private static final Duration KEEP_EXPIRED = Duration.ofDays(1);

    private final ConcurrentMap<String, AccessToken> tokens = new ConcurrentHashMap<>();
    private final RandomTokens random;
    private final Clock clock;

    public TokenStore(RandomTokens random, Clock clock) {
        this.random = random;
        this.clock = clock;
    }

    /** Issues a new access token; answers its text. {@code userId} and {@code grantId} are null for S2S. */
    public String issue(
            String clientId, String accountId, @Nullable String userId, @Nullable String grantId, Set<String> scopes) {
        prune();
        String text = random.token("emu_at_", 48);
        tokens.put(
                text,
                new AccessToken(
                        clientId,
                        accountId,
                        userId,
                        grantId,
                        scopes,
                        clock.instant().plus(ACCESS_TOKEN_LIFE)));
        return text;
    }

    /** Looks up a bearer token. */
    public TokenCheck check(String text) {
        AccessToken token = tokens.get(text);
        if (token == null) {
            return new TokenCheck.Unknown();
        }
        return clock.instant().isBefore(token.expiresAt()) ? new TokenCheck.Valid(token) : new TokenCheck.Expired();
    }

    /** Forgets every access token of a user grant (revoked or deauthorized); answers how many. */
    public int revokeGrant(String grantId) {
        int before = tokens.size();
        tokens.values().removeIf(t -> grantId.equals(t.grantId()));
        return Math.max(0, before - tokens.size());
    }

    /** Forgets every token of a user (the user was deleted). */
    public void revokeUser(String userId) {
        tokens.values().removeIf(t -> userId.equals(t.userId()));
    }

    private void prune() {
        if (tokens.size() % 1024 == 1023) {
            Instant horizon = clock.instant().minus(KEEP_EXPIRED);
            tokens.values().removeIf(t -> t.expiresAt().isBefore(horizon));
        }
    }
}
