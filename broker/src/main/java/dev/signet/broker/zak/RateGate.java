package dev.signet.broker.zak;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The account-wide rate-limit state: after a 429 no call goes to Zoom until {@code Retry-After} (or, without one, an
 * exponential back-off from 1 s to 60 s) has passed.
 */
final class RateGate {
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(60);
    private static final Duration MAX_RETRY_AFTER = Duration.ofHours(1);

    private Instant closedUntil = Instant.MIN;
    private int strikes;

    synchronized boolean isOpen(Instant now) {
        return !now.isBefore(closedUntil);
    }

    synchronized Instant closedUntil() {
        return closedUntil;
    }

    /** Records a 429 answered at {@code now}, honouring {@code retryAfter} when Zoom sent one. */
    synchronized void limited(Optional<Instant> retryAfter, Instant now) {
        strikes++;
        Instant floor = now.plusSeconds(1);
        Instant until = retryAfter.orElseGet(() -> now.plus(backoff(strikes)));
        if (until.isBefore(floor)) {
            until = floor;
        }
        if (until.isAfter(now.plus(MAX_RETRY_AFTER))) {
            until = now.plus(MAX_RETRY_AFTER);
        }
        if (until.isAfter(closedUntil)) {
            closedUntil = until;
        }
    }

    /** Records a call Zoom answered without rate-limiting. */
    synchronized void passed() {
        strikes = 0;
    }

    /** Whole seconds until the gate opens, at least 1: the value of a {@code Retry-After} header. */
    synchronized Duration retryAfter(Instant now) {
        long millis = Duration.between(now, closedUntil).toMillis();
        return Duration.ofSeconds(Math.max(1, (millis + 999) / 1000));
    }

    private static Duration backoff(int strikes) {
        Duration backoff = Duration.ofSeconds(1L << Math.min(strikes - 1, 6));
        return backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff;
    }
}
