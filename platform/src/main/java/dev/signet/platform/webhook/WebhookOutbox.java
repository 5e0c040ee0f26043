package dev.signet.platform.webhook;

import dev.signet.platform.crypto.SealedColumn;
import dev.signet.platform.crypto.SecretBox;
import dev.signet.platform.http.JsonCodec;
import dev.signet.secrets.Secret;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
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
    private final SecureRandom random;
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
        this.random = random;
        this.onCommitted = onCommitted;
    }

    /**
     * Queues {@code event} with {@code body} (written as JSON) for every endpoint, inside {@code handle}'s transaction.
     *
     * @return how many deliveries were queued; when more than none, call {@link #committed()} after the commit
     */
    public int enqueue(Handle handle, UUID botId, String event, Object body) {
        if (settings.endpoints().isEmpty()) {
            return 0;
        }
        String payload = json.write(body);
        Instant now = clock.instant();
        for (URI endpoint : settings.endpoints()) {
            String id = newId();
            String url = endpoint.toString();
            WebhookRepository.insert(
                    handle,
                    new Delivery(
                            id,
                            botId,
                            event,
                            WebhookRoutes.redactQuery(url),
                            payload,
                            DeliveryStatus.PENDING,
                            0,
                            now,
                            null,
                            now,
                            now),
                    box.seal(Secret.of(url), ENDPOINT_SEALED.at(id)));
        }
        return settings.endpoints().size();
    }

    /** Tells the delivery worker that a transaction which queued deliveries has committed. */
    public void committed() {
        onCommitted.run();
    }

    /** A Standard Webhooks message id: {@code msg_} and 128 random bits. */
    private String newId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return "msg_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
