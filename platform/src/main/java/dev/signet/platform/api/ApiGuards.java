package dev.signet.platform.api;

import dev.signet.platform.http.HttpServer;
import dev.signet.platform.time.Pause;
import io.javalin.config.RoutesConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The guards around every feature's {@code /api/*} routes, registered after authentication and before the
 * features: the per-key rate limit (when configured), {@code Idempotency-Key}, and the OpenAPI document at
 * {@code /api/openapi.json} (readable without a key). Owns the background sweep of expired keys.
 */
public final class ApiGuards implements AutoCloseable {
    static final String OPENAPI_RESOURCE = "/openapi/platform.json";
    private static final int SWEEP_BATCH = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(ApiGuards.class);

    private final IdempotencyRepository repository;
    private final IdempotencyKeys idempotency;
    private final @Nullable RateLimiter rateLimiter;
    private final ApiSettings settings;
    private final Clock clock;
    private final Pause pause;
    private final byte[] openApi;
    private @Nullable Thread sweeper;

    public ApiGuards(Jdbi jdbi, ApiSettings settings, Clock clock, Pause pause) {
        this.repository = new IdempotencyRepository(jdbi);
        this.idempotency = new IdempotencyKeys(repository, clock, settings.idempotencyTtl(), settings.inFlightLease());
        RateLimit limit = settings.rateLimit();
        this.rateLimiter = limit == null ? null : new RateLimiter(limit, clock);
        this.settings = settings;
        this.clock = clock;
        this.pause = pause;
        this.openApi = openApiDocument();
    }

    /** The committed OpenAPI 3.1 document of the bot API and its webhooks. */
    public static byte[] openApiDocument() {
        try (InputStream in = Objects.requireNonNull(
                ApiGuards.class.getResourceAsStream(OPENAPI_RESOURCE), OPENAPI_RESOURCE + " is missing")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void register(RoutesConfig routes) {
        RateLimiter limiter = rateLimiter;
        if (limiter != null) {
            routes.before("/api/*", limiter::before);
        }
        routes.before("/api/*", idempotency::before);
        routes.after("/api/*", idempotency::after);
        routes.get(
                HttpServer.OPENAPI_PATH,
                ctx -> ctx.contentType("application/json").result(openApi));
    }

    /** Starts deleting expired idempotency keys every {@link ApiSettings#sweepInterval()}. */
    public synchronized void start() {
        if (sweeper == null) {
            sweeper = Thread.ofVirtual().name("signet-idempotency-sweeper").start(this::sweepLoop);
        }
    }

    private void sweepLoop() {
        Duration interval = settings.sweepInterval();
        while (true) {
            try {
                pause.pause(interval);
                sweepExpired();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("could not delete expired idempotency keys: {}", e.toString());
            }
        }
    }

    /** Deletes every expired idempotency key now; returns how many. */
    public int sweepExpired() {
        int total = 0;
        int deleted;
        do {
            deleted = repository.deleteExpired(clock.instant(), SWEEP_BATCH);
            total += deleted;
        } while (deleted == SWEEP_BATCH);
        return total;
    }

    @Override
    public synchronized void close() {
        Thread running = sweeper;
        sweeper = null;
        if (running != null) {
            running.interrupt();
        }
    }
}
