package dev.signet.platform.webhook;

import dev.signet.webhooks.WebhookSecret;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where and how status-change webhooks are delivered.
 *
 * @param endpoints receivers; every status change goes to each of them
 * @param secret the {@code whsec_} signing secret; required when there are endpoints
 * @param backoff the wait before each retry; a delivery is {@code failed} after {@code backoff.size() + 1} attempts
 * @param timeout how long a receiver has to answer 2xx, headers and body (one deadline for the whole attempt)
 * @param pollInterval the longest the worker waits before looking for due deliveries again
 * @param maxConcurrentPerEndpoint the most attempts in flight at once to one endpoint (by its URL without query
 *     values), on this node
 */
public record WebhookSettings(
        List<URI> endpoints,
        @Nullable WebhookSecret secret,
        List<Duration> backoff,
        Duration timeout,
        Duration pollInterval,
        int maxConcurrentPerEndpoint) {
    /** CONTRACTS.md §2: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h. */
    public static final List<Duration> DEFAULT_BACKOFF = List.of(
            Duration.ofSeconds(5),
            Duration.ofMinutes(5),
            Duration.ofMinutes(30),
            Duration.ofHours(2),
            Duration.ofHours(5),
            Duration.ofHours(10),
            Duration.ofHours(10));
    /** Receivers must answer within 15 s. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);
    /** Attempts in flight at once to one endpoint, per node. */
    public static final int DEFAULT_MAX_CONCURRENT_PER_ENDPOINT = 16;

    public WebhookSettings {
        endpoints = List.copyOf(endpoints);
        backoff = List.copyOf(backoff);
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(pollInterval, "pollInterval");
        if (!endpoints.isEmpty() && secret == null) {
            throw new IllegalArgumentException("webhook endpoints need a whsec_ signing secret");
        }
        if (backoff.stream().anyMatch(d -> d.isNegative())) {
            throw new IllegalArgumentException("webhook backoff must not be negative");
        }
        if (!timeout.isPositive()) {
            throw new IllegalArgumentException("webhook timeout must be positive");
        }
        if (maxConcurrentPerEndpoint < 1) {
            throw new IllegalArgumentException(
                    "webhook concurrency per endpoint must be at least 1, got " + maxConcurrentPerEndpoint);
        }
    }

    /** Settings with the default per-endpoint concurrency. */
    public WebhookSettings(
            List<URI> endpoints,
            @Nullable WebhookSecret secret,
            List<Duration> backoff,
            Duration timeout,
            Duration pollInterval) {
        this(endpoints, secret, backoff, timeout, pollInterval, DEFAULT_MAX_CONCURRENT_PER_ENDPOINT);
    }

    /**
     * How long a claim holds a delivery: twice the attempt's whole deadline ({@code timeout}, headers and body) and
     * 10 s, so an attempt always ends — and has time to be recorded — before another claim may take the row.
     */
    public Duration lease() {
        return timeout.multipliedBy(2).plusSeconds(10);
    }

    /** No webhooks. */
    public static WebhookSettings none() {
        return new WebhookSettings(
                List.of(),
                null,
                DEFAULT_BACKOFF,
                DEFAULT_TIMEOUT,
                Duration.ofSeconds(1),
                DEFAULT_MAX_CONCURRENT_PER_ENDPOINT);
    }
}
