package dev.signet.app.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signet.webhooks.ReplayGuard;
import dev.signet.webhooks.Verification;
import dev.signet.webhooks.WebhookVerifier;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bot creator's webhook endpoint on loopback: verifies each Standard Webhooks signature, answers 500 to the first
 * {@code failures} deliveries (or to all while {@link #refuse} is set), and keeps every request it saw.
 */
final class WebhookReceiver implements AutoCloseable {
    /** One request as received. */
    record Received(String id, String body, boolean verified, int answered) {
        JsonNode json() {
            try {
                return Http.JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String event() {
            return json().path("event").asText();
        }

        String botId() {
            return json().path("data").path("bot").path("id").asText();
        }
    }

    private final Javalin server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft;
    private volatile boolean refuse;

    WebhookReceiver(int failures) {
        failuresLeft = new AtomicInteger(failures);
        // Retries carry the same webhook-id, so this verifier has no replay guard: the test checks ids itself.
        WebhookVerifier verifier = new WebhookVerifier(
                List.of(E2eStack.webhookSecret()), Duration.ofMinutes(5), Clock.systemUTC(), ReplayGuard.none());
        server = Javalin.create(c -> {
                    c.concurrency.useVirtualThreads = true;
                    c.startup.showJavalinBanner = false;
                    c.startup.showOldJavalinVersionWarning = false;
                    c.routes.post("/hooks", ctx -> {
                        byte[] body = ctx.bodyAsBytes();
                        boolean verified = verifier.verify(
                                        ctx.header("webhook-id"),
                                        ctx.header("webhook-timestamp"),
                                        ctx.header("webhook-signature"),
                                        body)
                                instanceof Verification.Valid;
                        int status = refuse || failuresLeft.getAndDecrement() > 0 ? 500 : 204;
                        received.add(new Received(
                                String.valueOf(ctx.header("webhook-id")),
                                new String(body, StandardCharsets.UTF_8),
                                verified,
                                status));
                        ctx.status(status);
                    });
                })
                .start("127.0.0.1", 0);
    }

    String url() {
        return "http://127.0.0.1:" + server.port() + "/hooks";
    }

    void refuse(boolean value) {
        refuse = value;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /** The deliveries this receiver accepted for {@code botId}. */
    List<Received> accepted(String botId) {
        return received.stream()
                .filter(r -> r.answered() == 204 && r.botId().equals(botId))
                .toList();
    }

    @Override
    public void close() {
        server.stop();
    }
}
