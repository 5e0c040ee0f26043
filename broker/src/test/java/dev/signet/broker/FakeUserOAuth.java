package dev.signet.broker;

import dev.signet.broker.FakeZoom.Answer;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Zoom's user-level OAuth as FakeZoom plays it, strict where Zoom is: PKCE S256 checked, codes single-use, refresh
 * tokens rotated on every refresh with the old one refused ({@code invalid_grant}), revocation ends the user's
 * tokens, OBF tokens minted only with a live user access token.
 */
final class FakeUserOAuth {
    /** One user who can consent. */
    record User(String id, String email, String accountId, String name) {}

    private record Code(String userId, String challenge, String redirectUri) {}

    private final List<String> issued;
    private final AtomicInteger serial;
    private final Map<String, User> users = new ConcurrentHashMap<>();
    private final Map<String, Code> codes = new ConcurrentHashMap<>();
    private final Map<String, String> refreshTokens = new ConcurrentHashMap<>();
    private final Map<String, String> accessTokens = new ConcurrentHashMap<>();
    private final Set<String> usedRefreshTokens = ConcurrentHashMap.newKeySet();
    final List<String> verifiersSeen = new CopyOnWriteArrayList<>();
    final List<String> revoked = new CopyOnWriteArrayList<>();
    final List<String> obfTokens = new CopyOnWriteArrayList<>();
    final AtomicInteger refreshCalls = new AtomicInteger();
    final AtomicInteger reusedRefreshTokens = new AtomicInteger();
    final AtomicInteger obfCalls = new AtomicInteger();
    private volatile @Nullable String consentUser;
    private volatile boolean deny;
    private volatile long accessLife = 3599;
    private volatile @Nullable Answer nextToken;
    private volatile @Nullable Answer nextObf;
    private volatile @Nullable CountDownLatch refreshHold;

    FakeUserOAuth(List<String> issued, AtomicInteger serial) {
        this.issued = issued;
        this.serial = serial;
    }

    void addUser(User user) {
        users.put(user.id(), user);
    }

    /** The next consent is given by this user (as if they signed in and clicked Allow). */
    void consentAs(String userId) {
        consentUser = userId;
        deny = false;
    }

    /** The next consent is declined. */
    void denyConsent() {
        deny = true;
    }

    void accessLife(long seconds) {
        accessLife = seconds;
    }

    /** The next code exchange or refresh answers this. */
    void nextTokenAnswer(@Nullable Answer answer) {
        nextToken = answer;
    }

    void nextObfAnswer(@Nullable Answer answer) {
        nextObf = answer;
    }

    /** Refresh answers wait for the returned latch. */
    CountDownLatch holdRefreshes() {
        CountDownLatch latch = new CountDownLatch(1);
        refreshHold = latch;
        return latch;
    }

    /** The user removed the app: every token of theirs stops working. */
    void revokeUser(String userId) {
        refreshTokens.values().removeIf(userId::equals);
        accessTokens.values().removeIf(userId::equals);
    }

    /** Whether the user has a live refresh token. */
    boolean hasGrant(String userId) {
        return refreshTokens.containsValue(userId);
    }

    void release() {
        CountDownLatch hold = refreshHold;
        if (hold != null) {
            hold.countDown();
        }
    }

    void authorize(Context ctx) {
        String redirect = ctx.queryParam("redirect_uri");
        String state = ctx.queryParam("state");
        String challenge = ctx.queryParam("code_challenge");
        if (!FakeZoom.OAUTH_CLIENT_ID.equals(ctx.queryParam("client_id"))
                || redirect == null
                || state == null
                || challenge == null
                || !"code".equals(ctx.queryParam("response_type"))
                || !"S256".equals(ctx.queryParam("code_challenge_method"))) {
            ctx.status(400).result("bad authorize request");
            return;
        }
        String target;
        String user = consentUser;
        if (deny || user == null) {
            target = redirect + "?error=access_denied&state=" + enc(state);
        } else {
            String code = "code" + serial.incrementAndGet() + "Zk";
            issued.add(code);
            codes.put(code, new Code(user, challenge, redirect));
            target = redirect + "?code=" + enc(code) + "&state=" + enc(state);
        }
        ctx.status(302).header("Location", target);
    }

    void token(Context ctx) throws InterruptedException {
        String basic = "Basic "
                + Base64.getEncoder()
                        .encodeToString((FakeZoom.OAUTH_CLIENT_ID + ":" + FakeZoom.OAUTH_CLIENT_SECRET)
                                .getBytes(StandardCharsets.UTF_8));
        if (!basic.equals(ctx.header("Authorization"))) {
            FakeZoom.answer(
                    ctx,
                    Answer.json(
                            401, "{\"reason\":\"Invalid client_id or client_secret\",\"error\":\"invalid_client\"}"));
            return;
        }
        boolean refresh = "refresh_token".equals(ctx.formParam("grant_type"));
        if (refresh) {
            refreshCalls.incrementAndGet();
            CountDownLatch hold = refreshHold;
            if (hold != null && !hold.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("a test held refreshes for more than 30 s");
            }
        }
        Answer scripted = nextToken;
        if (scripted != null) {
            nextToken = null;
            FakeZoom.answer(ctx, scripted);
            return;
        }
        String userId;
        if (refresh) {
            String token = String.valueOf(ctx.formParam("refresh_token"));
            userId = refreshTokens.remove(token);
            if (userId == null) {
                if (usedRefreshTokens.contains(token)) {
                    reusedRefreshTokens.incrementAndGet();
                }
                invalidGrant(ctx);
                return;
            }
            usedRefreshTokens.add(token);
        } else {
            Code code = codes.remove(String.valueOf(ctx.formParam("code")));
            String verifier = String.valueOf(ctx.formParam("code_verifier"));
            verifiersSeen.add(verifier);
            if (code == null
                    || !code.redirectUri().equals(ctx.formParam("redirect_uri"))
                    || !code.challenge().equals(s256(verifier))) {
                invalidGrant(ctx);
                return;
            }
            userId = code.userId();
        }
        int n = serial.incrementAndGet();
        String access = "uaccess" + n + "Qm";
        String next = "urefresh" + n + "Rt";
        issued.add(access);
        issued.add(next);
        accessTokens.put(access, userId);
        refreshTokens.put(next, userId);
        FakeZoom.answer(
                ctx,
                Answer.json(
                        200,
                        "{\"access_token\":\"" + access + "\",\"token_type\":\"bearer\",\"refresh_token\":\"" + next
                                + "\",\"expires_in\":" + accessLife
                                + ",\"scope\":\"user:read:token user:read:user\",\"api_url\":\"https://api.zoom.us\"}"));
    }

    void revoke(Context ctx) {
        String token = String.valueOf(ctx.formParam("token"));
        String userId = refreshTokens.get(token);
        if (userId == null) {
            userId = accessTokens.get(token);
        }
        if (userId == null) {
            invalidGrant(ctx);
            return;
        }
        revoked.add(userId);
        revokeUser(userId);
        FakeZoom.answer(ctx, Answer.json(200, "{\"status\":\"success\"}"));
    }

    void me(Context ctx) {
        String userId = bearer(ctx);
        if (userId == null) {
            return;
        }
        User user = users.get(userId);
        if (user == null) {
            FakeZoom.answer(ctx, Answer.userNotFound(userId));
            return;
        }
        FakeZoom.answer(
                ctx,
                Answer.json(
                        200,
                        "{\"id\":\"" + user.id() + "\",\"email\":\"" + user.email() + "\",\"account_id\":\""
                                + user.accountId() + "\",\"display_name\":\"" + user.name() + "\"}"));
    }

    void onBehalf(Context ctx) {
        obfCalls.incrementAndGet();
        String userId = bearer(ctx);
        if (userId == null) {
            return;
        }
        Answer scripted = nextObf;
        if (scripted != null) {
            nextObf = null;
            FakeZoom.answer(ctx, scripted);
            return;
        }
        String meeting = ctx.queryParam("meeting_id");
        if (!"onbehalf".equals(ctx.queryParam("type")) || meeting == null) {
            FakeZoom.answer(ctx, Answer.json(400, "{\"code\":300,\"message\":\"type and meeting_id required\"}"));
            return;
        }
        String token = "obf" + serial.incrementAndGet() + "m" + meeting + "Ob";
        issued.add(token);
        obfTokens.add(token);
        FakeZoom.answer(ctx, Answer.json(200, "{\"token\":\"" + token + "\"}"));
    }

    private @Nullable String bearer(Context ctx) {
        String authorization = ctx.header("Authorization");
        String userId = authorization != null && authorization.startsWith("Bearer ")
                ? accessTokens.get(authorization.substring(7))
                : null;
        if (userId == null) {
            FakeZoom.answer(ctx, Answer.json(401, "{\"code\":124,\"message\":\"Invalid access token.\"}"));
        }
        return userId;
    }

    private static void invalidGrant(Context ctx) {
        FakeZoom.answer(ctx, Answer.json(400, "{\"reason\":\"Invalid Token!\",\"error\":\"invalid_grant\"}"));
    }

    static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(
                            MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
