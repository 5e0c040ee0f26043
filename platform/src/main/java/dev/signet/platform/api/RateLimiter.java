package dev.signet.platform.api;

import dev.signet.platform.http.ApiException;
import dev.signet.platform.http.HttpServer;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-API-key rate limits on {@code /api/*}: a token bucket per key, 429 {@code throttled} with
 * {@code Retry-After} (whole seconds) when it is empty. Buckets live in this node's memory, so with several
 * nodes behind a load balancer a key gets up to the limit on each node.
 */
final class RateLimiter {
    private static final double NANOS_PER_SECOND = 1e9;

    private final RateLimit limit;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(RateLimit limit, Clock clock) {
        this.limit = limit;
        this.clock = clock;
    }

    /** Before every {@code /api/*} request that carries a key: take a token or answer 429. */
    void before(Context ctx) {
        String apiKey = ctx.attribute(HttpServer.API_KEY_ID);
        if (apiKey == null) {
            return; // the OpenAPI document: no key, no bucket
        }
        long wait = buckets.computeIfAbsent(apiKey, k -> new Bucket(limit.burst(), nanos(clock.instant())))
                .take(limit, nanos(clock.instant()));
        if (wait > 0) {
            long seconds = Math.max(1, (long) Math.ceil(wait / NANOS_PER_SECOND));
            ctx.header("Retry-After", Long.toString(seconds));
            throw new ApiException(
                    429,
                    "throttled",
                    "Request was throttled: this API key may send " + limit.perSecond()
                            + " requests a second (bursts of " + limit.burst() + "). Retry after " + seconds
                            + " s.");
        }
    }

    private static long nanos(Instant at) {
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000_000L), at.getNano());
    }

    /** One key's tokens. */
    private static final class Bucket {
        private double tokens;
        private long updatedNanos;

        Bucket(double tokens, long nowNanos) {
            this.tokens = tokens;
            this.updatedNanos = nowNanos;
        }

        /** Takes a token; returns 0, or how many nanoseconds until one is there (nothing taken). */
        synchronized long take(RateLimit limit, long nowNanos) {
            if (nowNanos > updatedNanos) {
                tokens = Math.min(
                        limit.burst(), tokens + (nowNanos - updatedNanos) * limit.perSecond() / NANOS_PER_SECOND);
                updatedNanos = nowNanos;
            }
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) * NANOS_PER_SECOND / limit.perSecond());
        }
    }
}
