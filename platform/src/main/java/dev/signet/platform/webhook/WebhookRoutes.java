package dev.signet.platform.webhook;

import dev.signet.platform.http.ApiException;
import dev.signet.platform.http.JsonCodec;
import dev.signet.platform.http.ValidationException;
import dev.signet.secrets.UrlRedaction;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Signet's operator extensions: {@code GET /api/v1/webhook-deliveries/?status=failed} and
 * {@code POST /api/v1/webhook-deliveries/{id}/replay/}.
 */
public final class WebhookRoutes {
    private static final int PAGE = 100;

    private final WebhookRepository repository;
    private final JsonCodec json;
    private final Clock clock;
    private final WebhookDeliverer deliverer;

    WebhookRoutes(WebhookRepository repository, JsonCodec json, Clock clock, WebhookDeliverer deliverer) {
        this.repository = repository;
        this.json = json;
        this.clock = clock;
        this.deliverer = deliverer;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/webhook-deliveries", this::list);
        routes.post("/api/v1/webhook-deliveries/{id}/replay", this::replay);
    }

    private void list(Context ctx) {
        DeliveryStatus status = null;
        String statusParam = ctx.queryParam("status");
        if (statusParam != null && !statusParam.isBlank()) {
            status = DeliveryStatus.fromWire(statusParam.strip());
            if (status == null) {
                throw ValidationException.of("status", "Must be one of pending, delivered, failed.");
            }
        }
        Instant beforeAt = null;
        String beforeId = null;
        String cursor = ctx.queryParam("cursor");
        if (cursor != null && !cursor.isBlank()) {
            String[] parts = decode(cursor);
            beforeAt = Instant.parse(parts[0]);
            beforeId = parts[1];
        }
        List<Delivery> rows = repository.list(status, beforeAt, beforeId, PAGE + 1);
        String next = null;
        if (rows.size() > PAGE) {
            rows = rows.subList(0, PAGE);
            Delivery last = rows.getLast();
            String token = Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString((last.createdAt() + "|" + last.id()).getBytes(StandardCharsets.UTF_8));
            next = ctx.url() + "?" + (status == null ? "" : "status=" + status.wire() + "&") + "cursor=" + token;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("next", next);
        body.put("previous", null);
        body.put("results", rows.stream().map(this::view).toList());
        json.send(ctx, 200, body);
    }

    private static String[] decode(String cursor) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = plain.split("\\|", 2);
            if (parts.length == 2) {
                Instant.parse(parts[0]);
                return parts;
            }
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            // fall through to the 400
        }
        throw ValidationException.of("cursor", "Invalid cursor.");
    }

    private void replay(Context ctx) {
        String id = ctx.pathParam("id");
        if (!repository.replay(id, clock.instant())) {
            throw ApiException.notFound("No webhook delivery with this id.");
        }
        deliverer.replayed();
        json.send(ctx, 202, view(repository.find(id).orElseThrow()));
    }

    private Map<String, @Nullable Object> view(Delivery d) {
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        out.put("id", d.id());
        out.put("event", d.event());
        out.put("bot_id", d.botId() == null ? null : d.botId().toString());
        out.put("endpoint", redactQuery(d.endpoint()));
        out.put("status", d.status().wire());
        out.put("attempts", d.attempts());
        out.put(
                "next_attempt_at",
                d.status() == DeliveryStatus.PENDING ? d.nextAttemptAt().toString() : null);
        out.put("last_error", d.lastError());
        out.put("created_at", d.createdAt().toString());
        out.put("updated_at", d.updatedAt().toString());
        out.put("payload", json.parse(d.payload()));
        return out;
    }

    /** Endpoint URLs may carry a secret in their query (as token URLs do): show keys only ({@link UrlRedaction}). */
    static String redactQuery(String url) {
        return UrlRedaction.redactQuery(url);
    }
}
