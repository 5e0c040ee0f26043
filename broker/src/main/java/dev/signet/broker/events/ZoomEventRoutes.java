package dev.signet.broker.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.signet.broker.grants.GrantService;
import dev.signet.broker.metrics.BrokerMetrics;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /zoom/events}: Zoom's event notifications for the user OAuth app. Every request must carry a valid
 * {@code x-zm-signature} (else 401). {@code endpoint.url_validation} is answered with {@code plainToken} and
 * {@code encryptedToken}; {@code app_deauthorized} for this app's client id deletes that user's grant; other events
 * are acknowledged (200) and ignored. Without a secret token configured the route answers 404
 * {@code events_not_configured}.
 */
public final class ZoomEventRoutes {
    /** The path to enter as the event notification endpoint URL on Zoom's Marketplace. */
    public static final String PATH = "/zoom/events";

    private static final Logger log = LoggerFactory.getLogger(ZoomEventRoutes.class);

    private final @Nullable ZoomSignature signature;
    private final GrantService grants;
    private final BrokerMetrics metrics;
    private final String clientId;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param signature verifies Zoom's signature; null when no secret token is configured
     * @param clientId the user OAuth app's client id: deauthorizations of other apps are ignored
     */
    public ZoomEventRoutes(
            @Nullable ZoomSignature signature, GrantService grants, BrokerMetrics metrics, String clientId) {
        this.signature = signature;
        this.grants = grants;
        this.metrics = metrics;
        this.clientId = clientId;
    }

    public void register(RoutesConfig routes) {
        routes.post(PATH, this::event);
    }

    private void event(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ZoomSignature verifier = signature;
        if (verifier == null) {
            send(
                    ctx,
                    404,
                    Map.of(
                            "code",
                            "events_not_configured",
                            "detail",
                            "SIGNET_BROKER_ZOOM_WEBHOOK_SECRET_TOKEN is not set"));
            return;
        }
        byte[] body = ctx.bodyAsBytes();
        if (!verifier.verifies(ctx.header("x-zm-request-timestamp"), ctx.header("x-zm-signature"), body)) {
            metrics.grantEvent("event_unverified");
            send(ctx, 401, Map.of("code", "unauthorized", "detail", "missing or invalid x-zm-signature"));
            return;
        }
        JsonNode event;
        try {
            event = json.readTree(body);
        } catch (IOException e) {
            send(ctx, 400, Map.of("code", "invalid_request", "detail", "the body is not JSON"));
            return;
        }
        if (event == null || !event.isObject()) {
            send(ctx, 400, Map.of("code", "invalid_request", "detail", "the body is not a JSON object"));
            return;
        }
        String name = event.path("event").asText("");
        JsonNode payload = event.path("payload");
        switch (name) {
            case "endpoint.url_validation" -> {
                String plain = payload.path("plainToken").asText("");
                if (plain.isEmpty()) {
                    send(ctx, 400, Map.of("code", "invalid_request", "detail", "payload.plainToken is missing"));
                    return;
                }
                Map<String, String> answer = new LinkedHashMap<>();
                answer.put("plainToken", plain);
                answer.put("encryptedToken", verifier.encrypt(plain));
                send(ctx, 200, answer);
            }
            case "app_deauthorized" -> {
                String userId = payload.path("user_id").asText("");
                String client = payload.path("client_id").asText("");
                if (!client.isEmpty() && !client.equals(clientId)) {
                    log.info("ignored a deauthorization of another app (client id {})", client);
                } else if (!userId.isEmpty() && grants.delete(userId)) {
                    metrics.grantEvent("deauthorized");
                    log.info("Zoom user {} deauthorized the app; their grant is deleted", userId);
                } else {
                    log.info("Zoom user {} deauthorized the app; the broker held no grant for them", userId);
                }
                send(ctx, 200, Map.of("status", "ok"));
            }
            default -> send(ctx, 200, Map.of("status", "ignored"));
        }
    }

    private void send(Context ctx, int status, Object body) {
        try {
            ctx.status(status);
            ctx.contentType("application/json");
            ctx.result(json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
