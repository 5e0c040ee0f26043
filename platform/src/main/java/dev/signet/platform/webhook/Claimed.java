package dev.signet.platform.webhook;

import org.jspecify.annotations.Nullable;

/**
 * A delivery claimed for one attempt.
 *
 * @param delivery the row as claimed ({@code endpoint} is its redacted form)
 * @param endpointSealed the endpoint URL sealed for this row, or {@code null} on a row from before endpoints were
 *     sealed (then {@code delivery.endpoint()} is still the plain URL)
 * @param claimId the claim that holds the row; its outcome is recorded only while it still does
 */
record Claimed(Delivery delivery, @Nullable String endpointSealed, String claimId) {}
