package dev.signet.platform.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits sign-in attempts per client address: at most {@code attempts} in each fixed window. Kept in memory on each
 * replica (a guess costs the same on every replica, so N replicas allow N times the rate; the API key's 256 bits
 * of a generated key make that irrelevant, the limit is there to stop a flood).
 */
final class SignInLimiter {
    private static final int MAX_TRACKED = 10_000;

    private record Window(Instant start, int count) {}

    private final Clock clock;
    private final int attempts;
    private final Duration window;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    SignInLimiter(Clock clock, int attempts, Duration window) {
        this.clock = clock;
        this.attempts = attempts;
        this.window = window;
    }

    /**
     * Counts one attempt from {@code client}.
     *
     * @return zero when the attempt may go ahead, else how long until the client may try again
     */
    Duration attempt(String client) {
        Instant now = clock.instant();
        if (windows.size() > MAX_TRACKED) {
            windows.values().removeIf(w -> !w.start().plus(window).isAfter(now));
        }
        Window w = windows.compute(
                client,
                (key, old) -> old == null || !old.start().plus(window).isAfter(now)
                        ? new Window(now, 1)
                        : new Window(old.start(), old.count() + 1));
        if (w.count() <= attempts) {
            return Duration.ZERO;
        }
        return Duration.between(now, w.start().plus(window));
    }
}
