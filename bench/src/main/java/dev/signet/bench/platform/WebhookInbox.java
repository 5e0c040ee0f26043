package dev.signet.bench.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Receives the platform's status webhooks and tallies them by the {@code phase} metadata the bench gives each bot, so
 * a phase counts only its own bots. Signatures are not checked: the platform's tests do that.
 */
final class WebhookInbox implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One phase's bots as their webhooks reported them. */
    record Tally(
            Set<String> inCall, Set<String> fatal, Set<String> done, AtomicInteger webhooks, AtomicInteger duplicates) {
        Tally() {
            this(
                    ConcurrentHashMap.newKeySet(),
                    ConcurrentHashMap.newKeySet(),
                    ConcurrentHashMap.newKeySet(),
                    new AtomicInteger(),
                    new AtomicInteger());
        }
    }

    /** Every {@code webhook-id} received: a second delivery of one is counted as a duplicate (at least once). */
    private final Set<String> ids = ConcurrentHashMap.newKeySet();

    private final ConcurrentMap<String, Tally> phases = new ConcurrentHashMap<>();
    private final Javalin server;

    WebhookInbox() {
        this.server = Javalin.create(config -> {
                    config.concurrency.useVirtualThreads = true;
                    config.startup.showJavalinBanner = false;
                    config.startup.showOldJavalinVersionWarning = false;
                    config.routes.post("/webhooks", ctx -> {
                        receive(ctx.header("webhook-id"), JSON.readTree(ctx.body()));
                        ctx.status(204);
                    });
                })
                .start("127.0.0.1", 0);
    }

    String url() {
        return "http://127.0.0.1:" + server.port() + "/webhooks";
    }

    /** The tally of the bots whose {@code phase} metadata is {@code phase}. */
    Tally tally(String phase) {
        return phases.computeIfAbsent(phase, p -> new Tally());
    }

    private void receive(@Nullable String webhookId, JsonNode body) {
        JsonNode bot = body.path("data").path("bot");
        Tally tally = tally(bot.path("metadata").path("phase").asText(""));
        tally.webhooks().incrementAndGet();
        if (webhookId != null && !ids.add(webhookId)) {
            tally.duplicates().incrementAndGet();
        }
        String id = bot.path("id").asText();
        switch (body.path("event").asText()) {
            case "bot.in_call_not_recording" -> tally.inCall().add(id);
            case "bot.fatal" -> tally.fatal().add(id);
            case "bot.done" -> tally.done().add(id);
            default -> {
                // joining_call, call_ended and the rest only count as webhooks
            }
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
