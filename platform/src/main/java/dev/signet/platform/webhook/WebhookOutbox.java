package dev.signet.platform.webhook;

import dev.signet.platform.crypto.SealedColumn;
import dev.signet.platform.crypto.SecretBox;
import dev.signet.platform.db.TimeOrderedIds;
import dev.signet.platform.http.JsonCodec;
import dev.signet.secrets.Secret;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Queues webhooks in the caller's transaction, one row per endpoint, so a webhook exists if and only if the change
 * it reports was persisted. The endpoint URL is stored sealed (its query may hold a secret) and, for listing and
 * grouping, with its query values redacted.
 */
public final class WebhookOutbox {
    /** Where each delivery's endpoint URL is sealed; bound to the delivery's id. */
    static final SealedColumn ENDPOINT_SEALED = new SealedColumn("webhook_deliveries", "id", "endpoint_sealed");

    private final WebhookSettings settings;
    private final SecretBox box;
    private final JsonCodec json;
    private final Clock clock;
    private final TimeOrderedIds ids;
    private final Runnable onCommitted;

    WebhookOutbox(
            WebhookSettings settings,
            SecretBox box,
            JsonCodec json,
            Clock clock,
            SecureRandom random,
            Runnable onCommitted) {
        this.settings = settings;
        this.box = box;
        this.json = json;
        this.clock = clock;
        this.ids = new TimeOrderedIds(clock, random);
        this.onCommitted = onCommitted;
    }

    /**
     * Queues {@code event} with {@code body} (written as JSON) for every endpoint, inside {@code handle}'s transaction.
     *
     * @return how many deliveries were queued; when more than none, call {@link #committed()} after the commit
     */
    public int enqueue(Handle handle, UUID botId, String event, Object body) {
        return enqueueAll(handle, List.of(new Message(botId, event, body)));
    }

    /** A webhook to queue: its bot, its event and its body (written as JSON). */
    public record Message(UUID botId, String event, Object body) {}

    /**
     * Queues every message for every endpoint, in order, inside {@code handle}'s transaction: one batched statement
     * for all of them.
     *
     * @return how many deliveries were queued; when more than none, call {@link #committed()} after the commit
     */
    public int enqueueAll(Handle handle, List<Message> messages) {
        if (settings.endpoints().isEmpty() || messages.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        List<WebhookRepository.NewDelivery> rows = new ArrayList<>();
        for (Message message : messages) {
            String payload = json.write(message.body());
            for (URI endpoint : settings.endpoints()) {
                String id = ids.messageId();
                String url = endpoint.toString();
                rows.add(new WebhookRepository.NewDelivery(
                        new Delivery(
                                id,
                                message.botId(),
                                message.event(),
                                WebhookRoutes.redactQuery(url),
                                payload,
                                DeliveryStatus.PENDING,
                                0,
                                now,
                                null,
                                now,
                                now),
                        box.seal(Secret.of(url), ENDPOINT_SEALED.at(id))));
            }
        }
        WebhookRepository.insertAll(handle, rows);
        return rows.size();
    }

    /** Tells the delivery worker that a transaction which queued deliveries has committed. */
    public void committed() {
        onCommitted.run();
    }
}
