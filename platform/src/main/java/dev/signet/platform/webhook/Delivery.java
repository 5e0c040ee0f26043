package dev.signet.platform.webhook;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One webhook message to one endpoint (a row of the outbox).
 *
 * @param id the {@code webhook-id}, the same on every attempt
 * @param payload the JSON body, exactly as signed
 * @param lastError why the last attempt failed (status or network cause; never a secret)
 */
public record Delivery(
        String id,
        @Nullable UUID botId,
        String event,
        String endpoint,
        String payload,
        DeliveryStatus status,
        int attempts,
        Instant nextAttemptAt,
        @Nullable String lastError,
        Instant createdAt,
        Instant updatedAt) {}
