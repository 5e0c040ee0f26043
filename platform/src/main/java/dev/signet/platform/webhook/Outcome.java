package dev.signet.platform.webhook;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What one attempt came to, to be recorded on its row.
 *
 * @param claimId the claim under which the attempt was made
 * @param error why it failed (status or network cause; never a secret), {@code null} when delivered
 */
record Outcome(
        String id,
        String claimId,
        DeliveryStatus status,
        int attempts,
        Instant nextAttemptAt,
        @Nullable String error,
        Instant at) {}
