package dev.signet.platform.api;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The API guards' settings.
 *
 * @param idempotencyTtl how long an {@code Idempotency-Key} and its first answer are kept (Recall: 24 h)
 * @param inFlightLease how long a key's first request may stay unanswered before a retry may take the key over
 *     (its node died mid-request)
 * @param sweepInterval how often expired keys are deleted in the background
 * @param rateLimit per-API-key limit, or {@code null} for none (the default)
 */
public record ApiSettings(
        Duration idempotencyTtl,
        Duration inFlightLease,
        Duration sweepInterval,
        @Nullable RateLimit rateLimit) {
    /** 24 h keys, a 2 min in-flight lease, a sweep every 10 min, no rate limit. */
    public static final ApiSettings DEFAULTS =
            new ApiSettings(Duration.ofHours(24), Duration.ofMinutes(2), Duration.ofMinutes(10), null);

    public ApiSettings {
        Objects.requireNonNull(idempotencyTtl, "idempotencyTtl");
        Objects.requireNonNull(inFlightLease, "inFlightLease");
        Objects.requireNonNull(sweepInterval, "sweepInterval");
        if (idempotencyTtl.isNegative()
                || idempotencyTtl.isZero()
                || inFlightLease.isNegative()
                || sweepInterval.isNegative()
                || sweepInterval.isZero()) {
            throw new IllegalArgumentException("API settings' durations must be positive");
        }
    }

    /** The same settings with another rate limit ({@code null}: none). */
    public ApiSettings withRateLimit(@Nullable RateLimit limit) {
        return new ApiSettings(idempotencyTtl, inFlightLease, sweepInterval, limit);
    }
}
