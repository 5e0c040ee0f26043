package dev.signet.platform.webhook;

import dev.signet.platform.http.JsonCodec;
import dev.signet.platform.runtime.StatusChange;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Queues status-change webhooks in the caller's transaction, one row per endpoint, so a webhook exists if and
 * only if its status change was persisted.
 */
public final class WebhookOutbox {
    private final WebhookSettings settings;
    private final JsonCodec json;
    private final Clock clock;
    private final SecureRandom random;

    public WebhookOutbox(WebhookSettings settings, JsonCodec json, Clock clock, SecureRandom random) {
        this.settings = settings;
        this.json = json;
        this.clock = clock;
        this.random = random;
    }

    /** Whether any endpoint is configured. */
    public boolean enabled() {
        return !settings.endpoints().isEmpty();
    }

    /**
     * Queues {@code bot.<code>} for every endpoint, inside {@code handle}'s transaction.
     *
     * @return how many deliveries were queued
     */
    public int enqueue(Handle handle, UUID botId, Map<String, String> metadata, StatusChange change) {
        if (!enabled()) {
            return 0;
        }
        String event = "bot." + change.code();
        String payload = json.write(payload(event, botId, metadata, change));
        Instant now = clock.instant();
        for (URI endpoint : settings.endpoints()) {
            WebhookRepository.insert(
                    handle,
                    new Delivery(
                            newId(),
                            botId,
                            event,
                            endpoint.toString(),
                            payload,
                            DeliveryStatus.PENDING,
                            0,
                            now,
                            null,
                            now,
                            now));
        }
        return settings.endpoints().size();
    }

    /** Recall's v1.11 shape: {@code {"event","data":{"data":{code,sub_code,updated_at},"bot":{id,metadata}}}}. */
    static Map<String, Object> payload(String event, UUID botId, Map<String, String> metadata, StatusChange change) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("code", change.code());
        status.put("sub_code", change.subCode());
        status.put("updated_at", change.createdAt().toString());
        Map<String, Object> bot = new LinkedHashMap<>();
        bot.put("id", botId.toString());
        bot.put("metadata", metadata);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("data", status);
        data.put("bot", bot);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", event);
        body.put("data", data);
        return body;
    }

    /** A Standard Webhooks message id: {@code msg_} and 128 random bits. */
    private String newId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return "msg_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
