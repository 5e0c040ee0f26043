package dev.signet.platform.webhook;

import java.util.HashMap;
import java.util.Map;

/** Attempts in flight per endpoint (its redacted form), so no receiver gets more than the cap at once. */
final class EndpointSlots {
    private final int cap;
    private final Map<String, Integer> inFlight = new HashMap<>(); // guarded by this

    EndpointSlots(int cap) {
        if (cap < 1) {
            throw new IllegalArgumentException("the per-endpoint cap must be at least 1, got " + cap);
        }
        this.cap = cap;
    }

    /** How many more attempts {@code endpoint} may have in flight now. */
    synchronized int free(String endpoint) {
        return cap - inFlight.getOrDefault(endpoint, 0);
    }

    synchronized void acquire(String endpoint) {
        inFlight.merge(endpoint, 1, Integer::sum);
    }

    synchronized void release(String endpoint) {
        inFlight.computeIfPresent(endpoint, (k, n) -> n <= 1 ? null : n - 1);
    }

    /** Attempts in flight over every endpoint. */
    synchronized int total() {
        return inFlight.values().stream().mapToInt(Integer::intValue).sum();
    }
}
