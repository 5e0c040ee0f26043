package dev.signet.broker;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
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
 * A small fake of Zoom's OAuth and user-token endpoints on loopback, scriptable per user, able to hold its answers until
 * a test releases them, and recording every token it hands out so tests can look for leaks.
 */
final class FakeZoom implements AutoCloseable {
    static final String ACCOUNT_ID = "acct-fake";
    static final String CLIENT_ID = "client-fake";
    static final String CLIENT_SECRET = "client-secret-7f3a9c1d2e";
    static final String OAUTH_CLIENT_ID = "general-client-fake";
    static final String OAUTH_CLIENT_SECRET = "general-secret-5b8e2a7c41";

    /** One scripted answer. */
    record Answer(int status, String body, Map<String, String> headers) {
        static Answer json(int status, String body) {
            return new Answer(status, body, Map.of("Content-Type", "application/json"));
        }

        static Answer userNotFound(String user) {
            return json(404, "{\"code\":1001,\"message\":\"User does not exist: " + user + ".\"}");
        }

        static Answer rateLimited(@Nullable String retryAfter) {
            Map<String, String> headers = retryAfter == null
                    ? Map.of("Content-Type", "application/json", "X-RateLimit-Type", "QPS")
                    : Map.of("Content-Type", "application/json", "Retry-After", retryAfter);
            return new Answer(
                    429,
                    "{\"code\":429,\"message\":\"You have reached the maximum per-second rate limit for this API. Try again later.\"}",
                    headers);
        }

        static Answer serverError() {
            return json(500, "{\"code\":500,\"message\":\"Internal error\"}");
        }
    }

    private final Javalin app;
    private final AtomicInteger oauthCalls = new AtomicInteger();
    private final AtomicInteger mintCalls = new AtomicInteger();
    private final Map<String, AtomicInteger> mintsByUser = new ConcurrentHashMap<>();
    private final Map<String, Deque<Answer>> scripts = new ConcurrentHashMap<>();
    private final Set<String> accessTokens = ConcurrentHashMap.newKeySet();
    private final List<String> issued = new CopyOnWriteArrayList<>();
    private final Map<String, String> owners = new ConcurrentHashMap<>();
    private final Deque<Answer> oauthScript = new ArrayDeque<>();
    private final AtomicInteger serial = new AtomicInteger();
    private final List<CountDownLatch> releases = new CopyOnWriteArrayList<>();
    private volatile @Nullable Answer everyMint;
    private volatile @Nullable Answer everyOAuth;
    private volatile @Nullable CountDownLatch oauthHold;
    private volatile @Nullable CountDownLatch mintHold;
    private volatile int rejectNextBearer;
    /** Zoom's user-level OAuth for the General app: consent, codes, rotating refresh tokens, OBF. */
    final FakeUserOAuth users = new FakeUserOAuth(issued, serial);

    FakeZoom() {
        app = Javalin.create(config -> {
                    config.concurrency.useVirtualThreads = true;
                    config.startup.showJavalinBanner = false;
                    config.routes.post("/oauth/token", this::oauth);
                    config.routes.get("/oauth/authorize", users::authorize);
                    config.routes.post("/oauth/revoke", users::revoke);
                    config.routes.get("/v2/users/me", users::me);
                    config.routes.get("/v2/users/{user}/token", this::mint);
                })
                .start("127.0.0.1", 0);
    }

    String oauthBase() {
        return "http://127.0.0.1:" + app.port();
    }

    String apiBase() {
        return oauthBase() + "/v2";
    }

    int oauthCalls() {
        return oauthCalls.get();
    }

    int mintCalls() {
        return mintCalls.get();
    }

    int mintCalls(String user) {
        AtomicInteger count = mintsByUser.get(user);
        return count == null ? 0 : count.get();
    }

    /** Every access token and ZAK this fake handed out. */
    List<String> issuedTokens() {
        return List.copyOf(issued);
    }

    /** The user a ZAK of this fake was minted for. */
    String owner(String zak) {
        String user = owners.get(zak);
        if (user == null) {
            throw new AssertionError("not a ZAK this fake minted");
        }
        return user;
    }

    /** The next mints for {@code user} answer these, in order; then success again. */
    void script(String user, Answer... answers) {
        Deque<Answer> script = scripts.computeIfAbsent(user, u -> new ArrayDeque<>());
        synchronized (script) {
            script.addAll(List.of(answers));
        }
    }

    /** Every mint answers {@code answer} until set back to null. */
    void failEveryMint(@Nullable Answer answer) {
        everyMint = answer;
    }

    /** Every OAuth call answers {@code answer} until set back to null. */
    void failEveryOAuth(@Nullable Answer answer) {
        everyOAuth = answer;
    }

    void scriptOAuth(Answer... answers) {
        synchronized (oauthScript) {
            oauthScript.addAll(List.of(answers));
        }
    }

    /** The next mint answers 401/124 as if the access token had been revoked. */
    void rejectNextAccessToken() {
        rejectNextBearer = 1;
    }

    /** OAuth answers wait for the returned latch. */
    CountDownLatch holdOAuth() {
        CountDownLatch latch = new CountDownLatch(1);
        releases.add(latch);
        oauthHold = latch;
        return latch;
    }

    /** Mint answers wait for the returned latch. */
    CountDownLatch holdMints() {
        CountDownLatch latch = new CountDownLatch(1);
        releases.add(latch);
        mintHold = latch;
        return latch;
    }

    void stopHolding() {
        oauthHold = null;
        mintHold = null;
    }

    private void oauth(Context ctx) throws InterruptedException {
        String grantType = ctx.formParam("grant_type");
        if ("authorization_code".equals(grantType) || "refresh_token".equals(grantType)) {
            users.token(ctx);
            return;
        }
        oauthCalls.incrementAndGet();
        await(oauthHold);
        Answer scripted;
        synchronized (oauthScript) {
            scripted = oauthScript.poll();
        }
        if (scripted == null) {
            scripted = everyOAuth;
        }
        if (scripted != null) {
            answer(ctx, scripted);
            return;
        }
        String expected = "Basic "
                + Base64.getEncoder()
                        .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        String body = ctx.body();
        if (!expected.equals(ctx.header("Authorization"))
                || !body.contains("grant_type=account_credentials")
                || !body.contains("account_id=" + ACCOUNT_ID)) {
            answer(
                    ctx,
                    Answer.json(
                            400, "{\"reason\":\"Invalid client_id or client_secret\",\"error\":\"invalid_client\"}"));
            return;
        }
        String token = "oauth-access-" + serial.incrementAndGet() + "-c0ffee";
        accessTokens.add(token);
        issued.add(token);
        answer(
                ctx,
                Answer.json(
                        200,
                        "{\"access_token\":\"" + token + "\",\"token_type\":\"bearer\",\"expires_in\":3599,"
                                + "\"scope\":\"user:read:token\",\"api_url\":\"https://api.zoom.us\"}"));
    }

    private void mint(Context ctx) throws InterruptedException {
        String user = ctx.pathParam("user");
        if (user.equals("me")) {
            users.onBehalf(ctx);
            return;
        }
        mintCalls.incrementAndGet();
        mintsByUser.computeIfAbsent(user, u -> new AtomicInteger()).incrementAndGet();
        await(mintHold);
        String authorization = ctx.header("Authorization");
        boolean known = authorization != null
                && authorization.startsWith("Bearer ")
                && accessTokens.contains(authorization.substring(7));
        if (!known || rejectNextBearer > 0) {
            rejectNextBearer = 0;
            if (authorization != null && authorization.startsWith("Bearer ")) {
                accessTokens.remove(authorization.substring(7));
            }
            answer(ctx, Answer.json(401, "{\"code\":124,\"message\":\"Invalid access token.\"}"));
            return;
        }
        if (!"zak".equals(ctx.queryParam("type"))) {
            answer(ctx, Answer.json(400, "{\"code\":300,\"message\":\"type must be zak\"}"));
            return;
        }
        Answer scripted = next(user);
        if (scripted != null) {
            answer(ctx, scripted);
            return;
        }
        Answer failing = everyMint;
        if (failing != null) {
            answer(ctx, failing);
            return;
        }
        String zak = "zak." + serial.incrementAndGet() + ".eyJhbGciOiJIUzI1NiJ9";
        owners.put(zak, user);
        issued.add(zak);
        answer(ctx, Answer.json(200, "{\"token\":\"" + zak + "\"}"));
    }

    private @Nullable Answer next(String user) {
        Deque<Answer> script = scripts.get(user);
        if (script == null) {
            return null;
        }
        synchronized (script) {
            return script.poll();
        }
    }

    private static void await(@Nullable CountDownLatch hold) throws InterruptedException {
        if (hold != null && !hold.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("a test held the fake Zoom for more than 30 s");
        }
    }

    static void answer(Context ctx, Answer answer) {
        ctx.status(answer.status());
        answer.headers().forEach(ctx::header);
        ctx.result(answer.body());
    }

    @Override
    public void close() {
        new ArrayList<>(releases).forEach(CountDownLatch::countDown);
        users.release();
        app.stop();
    }
}
