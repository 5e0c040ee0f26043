package dev.signet.broker.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker's Prometheus metrics: callback requests by outcome with a latency histogram, Zoom calls by endpoint and
 * status, ZAK reuse hits and callers waiting for a mint. Labels never carry a user, a secret or a token.
 */
public final class BrokerMetrics {
    private static final Logger log = LoggerFactory.getLogger(BrokerMetrics.class);
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Counter reuseHits;
    private final AtomicInteger waiting = new AtomicInteger();
    private final Map<String, Timer> requests = new ConcurrentHashMap<>();

    /** Creates an empty registry. */
    public BrokerMetrics() {
        reuseHits = Counter.builder("signet.broker.zak.reuse.hits")
                .description("ZAK requests answered with a held ZAK instead of a new mint")
                .register(registry);
        registry.gauge("signet.broker.zak.waiting", waiting);
    }

    /** Counts one callback request and records its latency. */
    public void request(String endpoint, String outcome, Duration latency) {
        // Looked up in a map, not built per request: the builder costs more than the rest of a reused ZAK's answer.
        requests.computeIfAbsent(
                        endpoint + ' ' + outcome,
                        key -> Timer.builder("signet.broker.requests")
                                .description("Token callback requests by endpoint and outcome")
                                .tag("endpoint", endpoint)
                                .tag("outcome", outcome)
                                .publishPercentileHistogram()
                                .register(registry))
                .record(latency);
    }

    /**
     * Counts one HTTP call to Zoom by endpoint ({@code oauth_token}, {@code user_token} or {@code other}) and status
     * ({@code error} when no answer came back), so the metrics show what Zoom saw.
     */
    public void zoomCall(URI uri, OptionalInt status) {
        Counter.builder("signet.broker.zoom.calls")
                .description("HTTP calls to Zoom by endpoint and status")
                .tag("endpoint", endpoint(uri))
                .tag("status", status.isPresent() ? Integer.toString(status.getAsInt()) : "error")
                .register(registry)
                .increment();
    }

    private static String endpoint(URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        if (path.endsWith("/oauth/token")) {
            return "oauth_token";
        }
        return path.contains("/users/") && path.endsWith("/token") ? "user_token" : "other";
    }

    /** Counts one ZAK handed out again from the reuse window. */
    public void reuseHit() {
        reuseHits.increment();
    }

    /** Counts a caller starting to wait for a mint; the gauge shows how many wait right now. */
    public void waitStarted() {
        waiting.incrementAndGet();
    }

    /** Counts a caller no longer waiting for a mint. */
    public void waitEnded() {
        waiting.decrementAndGet();
    }

    /**
     * Shows the number of users' OAuth grants in {@code state} ({@code signet_broker_grants{state}}), read at each
     * scrape; NaN when the count cannot be read.
     */
    public void grantGauge(String state, LongSupplier count) {
        Gauge.builder("signet.broker.grants", () -> {
                    try {
                        return (double) count.getAsLong();
                    } catch (RuntimeException e) {
                        log.debug("cannot count grants: {}", e.getMessage());
                        return Double.NaN;
                    }
                })
                .description("Users' Zoom OAuth grants by state")
                .tag("state", state)
                .register(registry);
    }

    /** Counts one refresh of a user's grant: {@code refreshed}, {@code invalid_grant} (now disconnected), {@code failed}. */
    public void grantRefresh(String outcome) {
        Counter.builder("signet.broker.grant.refreshes")
                .description("Refreshes of users' Zoom OAuth grants by outcome")
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }

    /** Counts one connect-flow or grant event: {@code connected}, {@code deauthorized}, {@code disconnected}… */
    public void grantEvent(String event) {
        Counter.builder("signet.broker.grant.events")
                .description("Connect-flow outcomes and grant removals")
                .tag("event", event)
                .register(registry)
                .increment();
    }

    /** The metrics in Prometheus text format. */
    public String scrape() {
        return registry.scrape();
    }
}
