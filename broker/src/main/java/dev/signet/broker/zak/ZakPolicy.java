package dev.signet.broker.zak;

import java.time.Duration;

/**
 * The ZAK reuse policy.
 *
 * @param ttl life asked of Zoom for each ZAK
 * @param reuse how long a minted ZAK is handed out again; zero means a fresh ZAK for every request and no sharing
 * @param minRemaining a ZAK with less life left is never handed out
 * @param timeout how long a request waits for Zoom
 */
public record ZakPolicy(Duration ttl, Duration reuse, Duration minRemaining, Duration timeout) {
    private static final Duration MAX_REFRESH_AHEAD = Duration.ofSeconds(30);

    /** Validates the durations. */
    public ZakPolicy {
        if (ttl.isNegative()
                || ttl.isZero()
                || reuse.isNegative()
                || minRemaining.isNegative()
                || !timeout.isPositive()) {
            throw new IllegalArgumentException(
                    "ZAK ttl and timeout must be positive; reuse and minRemaining not negative");
        }
    }

    /** Whether minted ZAKs are shared and handed out again. */
    boolean reuses() {
        return !reuse.isZero();
    }

    /**
     * How long before the end of its reuse window a ZAK is refreshed in the background: a fifth of the window, at most
     * 30 s, so the new ZAK is normally in hand before the old window closes.
     */
    Duration refreshAhead() {
        Duration fifth = reuse.dividedBy(5);
        return fifth.compareTo(MAX_REFRESH_AHEAD) > 0 ? MAX_REFRESH_AHEAD : fifth;
    }
}
