package dev.signet.app.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.signet.webhooks.ReplayGuard;
import dev.signet.webhooks.Verification;
import dev.signet.webhooks.WebhookSecret;
import dev.signet.webhooks.WebhookVerifier;
import io.javalin.Javalin;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The demo's webhook receiver: a bot creator's endpoint that checks each Standard Webhooks signature and shows the
 * status change on the timeline.
 */
final class WebhookInbox implements AutoCloseable {
    private final Javalin server;

    private WebhookInbox(Javalin server) {
        this.server = server;
    }

    static WebhookInbox start(WebhookSecret secret, Clock clock, ObjectMapper json, Timeline timeline) {
        WebhookVerifier verifier = new WebhookVerifier(
                List.of(secret),
                Duration.ofMinutes(5),
                clock,
                ReplayGuard.inMemory(Duration.ofMinutes(5), 10_000, clock));
        Javalin server = Javalin.create(config -> {
            config.concurrency.useVirtualThreads = true;
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.routes.post("/webhooks", ctx -> {
                byte[] body = ctx.bodyAsBytes();
                Verification verification = verifier.verify(
                        ctx.header("webhook-id"),
                        ctx.header("webhook-timestamp"),
                        ctx.header("webhook-signature"),
                        body);
                if (!(verification instanceof Verification.Valid)) {
                    timeline.event("webhook REJECTED: " + verification);
                    ctx.status(401);
                    return;
                }
                timeline.event("webhook " + describe(json, body) + " (signature verified)");
                ctx.status(204);
            });
        });
        server.start("127.0.0.1", 0);
        return new WebhookInbox(server);
    }

    private static String describe(ObjectMapper json, byte[] body) {
        try {
            JsonNode root = json.readTree(body);
            JsonNode data = root.path("data").path("data");
            String subCode = data.path("sub_code").isTextual()
                    ? " / " + data.path("sub_code").asText()
                    : "";
            return root.path("event").asText("?") + subCode;
        } catch (IOException e) {
            return "(unreadable body)";
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.port() + "/webhooks";
    }

    @Override
    public void close() {
        server.stop();
    }
}
