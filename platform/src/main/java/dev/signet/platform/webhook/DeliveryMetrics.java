package dev.signet.platform.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Counters of webhook attempts by outcome ({@code delivered}, {@code retry}, {@code failed}). */
final class DeliveryMetrics {
    private final MeterRegistry meters;

    DeliveryMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void attempt(String outcome) {
        Counter.builder("signet.webhook.attempts")
                .description("Webhook delivery attempts by outcome")
                .tag("outcome", outcome)
                .register(meters)
                .increment();
    }
}
