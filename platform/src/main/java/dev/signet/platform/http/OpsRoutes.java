package dev.signet.platform.http;

import dev.signet.secrets.Secret;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /healthz} (the process answers), {@code /readyz} (the database answers) and Prometheus {@code /metrics}.
 *
 * <p>Gauges read from the database are refreshed at most once per {@link Settings#gaugeRefresh}, however often
 * {@code /metrics} is scraped, so scrapers (several Prometheus replicas, a curious operator) cannot turn into
 * database load. {@code /metrics} may require a bearer token.
 */
public final class OpsRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(OpsRoutes.class);
    private static final String BEARER = "bearer ";

    /**
     * How {@code /metrics} is served.
     *
     * @param metricsToken when set, {@code /metrics} answers only {@code Authorization: Bearer <token>}
     * @param gaugeRefresh the least time between two reads of the gauges kept in the database
     */
    public record Settings(@Nullable Secret metricsToken, Duration gaugeRefresh) {
        /** Open {@code /metrics}, gauges read at most every 15 s. */
        public static final Settings DEFAULTS = new Settings(null, Duration.ofSeconds(15));

        public Settings {
            Objects.requireNonNull(gaugeRefresh, "gaugeRefresh");
            if (gaugeRefresh.isNegative()) {
                throw new IllegalArgumentException("gauge refresh must not be negative");
            }
            if (metricsToken != null && metricsToken.reveal().isBlank()) {
                throw new IllegalArgumentException("the metrics token must not be blank");
            }
        }
    }

    private final JsonCodec json;
    private final BooleanSupplier ready;
    private final PrometheusMeterRegistry registry;
    private final List<Runnable> gauges;
    private final Clock clock;
    private final Duration gaugeRefresh;
    private final byte @Nullable [] tokenHash;
    private final Object refreshLock = new Object();
    private @Nullable Instant refreshedAt; // guarded by refreshLock

    /** With {@link Settings#DEFAULTS}. */
    public OpsRoutes(JsonCodec json, BooleanSupplier ready, PrometheusMeterRegistry registry, Runnable... gauges) {
        this(json, ready, registry, Settings.DEFAULTS, Clock.systemUTC(), gauges);
    }

    /** @param gauges refresh the gauges that are read from the database; run at most once per refresh period */
    public OpsRoutes(
            JsonCodec json,
            BooleanSupplier ready,
            PrometheusMeterRegistry registry,
            Settings settings,
            Clock clock,
            Runnable... gauges) {
        this.json = json;
        this.ready = ready;
        this.registry = registry;
        this.gauges = List.of(gauges);
        this.clock = clock;
        this.gaugeRefresh = settings.gaugeRefresh();
        Secret token = settings.metricsToken();
        this.tokenHash = token == null ? null : sha256(token.reveal());
    }

    public void register(RoutesConfig routes) {
        routes.get("/healthz", ctx -> json.send(ctx, 200, Map.of("status", "ok")));
        routes.get("/readyz", ctx -> {
            boolean up = ready.getAsBoolean();
            json.send(ctx, up ? 200 : 503, Map.of("status", up ? "ready" : "database unavailable"));
        });
        routes.get("/metrics", ctx -> {
            authorize(ctx);
            refreshGauges();
            ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape());
        });
    }

    private void authorize(Context ctx) {
        if (tokenHash == null) {
            return;
        }
        String header = ctx.header("Authorization");
        boolean ok = header != null
                && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                && MessageDigest.isEqual(
                        tokenHash, sha256(header.substring(BEARER.length()).strip()));
        if (!ok) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new ApiException(
                    401,
                    "authentication_failed",
                    "Missing or invalid metrics token: send Authorization: Bearer <token>.");
        }
    }

    /** Reads the database gauges if the last read is older than the refresh period; a failed read keeps the last. */
    private void refreshGauges() {
        synchronized (refreshLock) {
            Instant now = clock.instant();
            if (refreshedAt != null && now.isBefore(refreshedAt.plus(gaugeRefresh))) {
                return;
            }
            refreshedAt = now;
            for (Runnable gauge : gauges) {
                try {
                    gauge.run();
                } catch (RuntimeException e) {
                    LOG.warn("a metrics gauge could not be read; serving its last value: {}", e.toString());
                }
            }
        }
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
