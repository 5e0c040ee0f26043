package dev.signet.bench.broker;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fake Zoom for the benchmark: every answer takes 100 ms, and the user-token endpoint allows 30 requests per second
 * (Zoom Pro, Light category), answering 429 with {@code Retry-After: 1} beyond that.
 */
final class SlowZoom implements AutoCloseable {
    static final long LATENCY_MS = 100;
    static final int PER_SECOND = 30;

    private final Javalin app;
    private final Executor delayed = CompletableFuture.delayedExecutor(LATENCY_MS, TimeUnit.MILLISECONDS);
    private final AtomicInteger mints = new AtomicInteger();
    private final AtomicInteger limited = new AtomicInteger();
    private final AtomicInteger serial = new AtomicInteger();
    private final AtomicLong windowStart = new AtomicLong(System.nanoTime());
    private final AtomicInteger inWindow = new AtomicInteger();

    SlowZoom() {
        app = Javalin.create(config -> {
                    config.concurrency.useVirtualThreads = true;
                    config.startup.showJavalinBanner = false;
                    config.routes.post("/oauth/token", this::oauth);
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

    /** User-token calls received, rate-limited ones included. */
    int mintCalls() {
        return mints.get();
    }

    int rateLimited() {
        return limited.get();
    }

    private void oauth(Context ctx) {
        later(ctx, 200, "{\"access_token\":\"bench-access-token\",\"token_type\":\"bearer\",\"expires_in\":3599}");
    }

    private void mint(Context ctx) {
        mints.incrementAndGet();
        if (!admit()) {
            limited.incrementAndGet();
            ctx.header("Retry-After", "1");
            later(ctx, 429, "{\"code\":429,\"message\":\"You have reached the maximum per-second rate limit.\"}");
            return;
        }
        later(ctx, 200, "{\"token\":\"benchzak" + serial.incrementAndGet() + "eyJhbGciOiJIUzI1NiJ9\"}");
    }

    /** A fixed one-second window: the first 30 calls of each second pass. */
    private boolean admit() {
        long now = System.nanoTime();
        long start = windowStart.get();
        if (now - start >= TimeUnit.SECONDS.toNanos(1) && windowStart.compareAndSet(start, now)) {
            inWindow.set(0);
        }
        return inWindow.incrementAndGet() <= PER_SECOND;
    }

    private void later(Context ctx, int status, String body) {
        ctx.status(status);
        ctx.contentType("application/json");
        ctx.future(() -> CompletableFuture.supplyAsync(() -> body, delayed).thenAccept(ctx::result));
    }

    @Override
    public void close() {
        app.stop();
    }
}
