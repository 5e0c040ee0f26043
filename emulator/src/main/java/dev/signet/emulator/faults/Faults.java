package dev.signet.emulator.faults;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Scripted faults: added latency (everywhere or per endpoint) and "the next N calls of an endpoint fail with this
 * status and body". Endpoints are named {@code "METHOD /path/{template}"}, e.g. {@code "GET /v2/users/{userId}/token"};
 * {@code "*"} names every endpoint.
 */
public final class Faults {
    /** Every endpoint. */
    public static final String ANY = "*";

    /** One scripted failure answer, with extra response headers (e.g. a 429's {@code Retry-After}). */
    public record Failure(int status, String body, String contentType, Map<String, String> headers) {
        public Failure {
            if (status < 100 || status > 599) {
                throw new IllegalArgumentException("status must be an HTTP status (100..599)");
            }
            headers = Map.copyOf(headers);
        }

        public Failure(int status, String body, String contentType) {
            this(status, body, contentType, Map.of());
        }
    }

    private final Map<String, Deque<Failure>> failures = new ConcurrentHashMap<>();
    private final Map<String, Duration> latency = new ConcurrentHashMap<>();

    /** The next {@code count} calls of {@code endpoint} answer {@code failure}. */
    public void failNext(String endpoint, int count, Failure failure) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1");
        }
        Deque<Failure> queue = failures.computeIfAbsent(endpoint, k -> new ArrayDeque<>());
        synchronized (queue) {
            for (int i = 0; i < count; i++) {
                queue.add(failure);
            }
        }
    }

    /** Adds {@code delay} before every call of {@code endpoint} ({@link #ANY} for all); zero removes it. */
    public void setLatency(String endpoint, Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative");
        }
        if (delay.isZero()) {
            latency.remove(endpoint);
        } else {
            latency.put(endpoint, delay);
        }
    }

    /** Takes the next scripted failure of {@code endpoint}, if any (specific scripts before {@link #ANY}). */
    public Optional<Failure> take(String endpoint) {
        Optional<Failure> specific = poll(failures.get(endpoint));
        return specific.isPresent() ? specific : poll(failures.get(ANY));
    }

    /** The latency to add to a call of {@code endpoint}. */
    public Duration latency(String endpoint) {
        Duration specific = latency.get(endpoint);
        return specific != null ? specific : latency.getOrDefault(ANY, Duration.ZERO);
    }

    /** Removes every scripted fault. */
    public void clear() {
        failures.clear();
        latency.clear();
    }

    private static Optional<Failure> poll(@Nullable Deque<Failure> queue) {
        if (queue == null) {
            return Optional.empty();
        }
        synchronized (queue) {
            return Optional.ofNullable(queue.poll());
        }
    }
}
