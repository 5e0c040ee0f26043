package dev.signet.broker.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The broker's Prometheus metrics: callback requests by outcome with a latency histogram, Zoom calls by endpoint and
 * status, ZAK reuse hits and callers waiting for a mint. Labels never carry a user, a secret or a token.
 */
public final class BrokerMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Counter reuseHits;
    private final AtomicInteger waiting = new AtomicInteger();

    /** Creates an empty registry. */
    public BrokerMetrics() {
        reuseHits = Counter.builder("signet.broker.zak.reuse.hits")
                .description("ZAK requests answered with a held ZAK instead of a new mint")
                .register(registry);
        registry.gauge("signet.broker.zak.waiting", waiting);
    }

    /** Counts one callback request and records its latency. */
    public void request(String endpoint, String outcome, Duration latency) {
        Timer.builder("signet.broker.requests")
                .description("Token callback requests by endpoint and outcome")
                .tag("endpoint", endpoint)
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .register(registry)
                .record(latency);
    }

    /** Counts one HTTP call to Zoom; {@code status} is the HTTP status or {@code error} when none came back. */
    public void zoomCall(String endpoint, String status) {
        Counter.builder("signet.broker.zoom.calls")
                .description("HTTP calls to Zoom by endpoint and status")
                .tag("endpoint", endpoint)
                .tag("status", status)
                .register(registry)
                .increment();
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

    /** The metrics in Prometheus text format. */
    public String scrape() {
        return registry.scrape();
    }
}
