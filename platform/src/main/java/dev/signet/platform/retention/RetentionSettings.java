package dev.signet.platform.retention;

import java.time.Duration;
import java.util.Objects;

/**
 * How long finished work is kept.
 *
 * @param keep finished bots (done, fatal) and delivered webhooks older than this are deleted; {@link Duration#ZERO}
 *     keeps everything
 * @param interval how often the background pass runs
 * @param batch the most rows one statement deletes (short transactions, no long locks)
 */
public record RetentionSettings(Duration keep, Duration interval, int batch) {
    /** Thirty days, looked at every five minutes, 500 rows a statement. */
    public static final RetentionSettings DEFAULTS =
            new RetentionSettings(Duration.ofDays(30), Duration.ofMinutes(5), 500);

    public RetentionSettings {
        Objects.requireNonNull(keep, "keep");
        Objects.requireNonNull(interval, "interval");
        if (keep.isNegative()) {
            throw new IllegalArgumentException("retention must not be negative");
        }
        if (!interval.isPositive()) {
            throw new IllegalArgumentException("retention interval must be positive");
        }
        if (batch < 1) {
            throw new IllegalArgumentException("retention batch must be at least 1, got " + batch);
        }
    }

    /** The defaults with another retention. */
    public static RetentionSettings keeping(Duration keep) {
        return new RetentionSettings(keep, DEFAULTS.interval(), DEFAULTS.batch());
    }

    /** Whether anything is ever deleted. */
    public boolean enabled() {
        return keep.isPositive();
    }
}
