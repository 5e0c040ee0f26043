package dev.signet.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Signed webhooks reach a flaky receiver: retried with the same id, failed after the last retry, replayable. */
@Timeout(120)
class WebhookDeliveryEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void receiverFailingTheFirstDeliveries_getsEveryEvent_withTheSameIdOnRetries_andValidSignatures() {
        try (WebhookReceiver receiver = new WebhookReceiver(3);
                E2eStack stack = new E2eStack(
                        dir, E2eStack.Options.standard().webhooks(receiver.url(), "100ms,200ms,300ms,400ms"))) {
            Zoom.Meeting meeting = stack.zoom.create(true, false, null);
            stack.zoom.start(meeting.number());
            String bot = stack.api.createBot(meeting.joinUrl(), "Webhook Watcher", null);
            stack.api.awaitFatal(bot, "meeting_requires_sign_in");

            await().atMost(Api.WAIT)
                    .untilAsserted(() -> assertThat(receiver.accepted(bot))
                            .extracting(WebhookReceiver.Received::event)
                            .containsExactlyInAnyOrder("bot.joining_call", "bot.fatal"));

            List<WebhookReceiver.Received> all = receiver.received().stream()
                    .filter(r -> r.botId().equals(bot))
                    .toList();
            assertThat(all).allMatch(WebhookReceiver.Received::verified, "signature verified");
            assertThat(all.stream().filter(r -> r.answered() == 500)).hasSizeGreaterThanOrEqualTo(1);
            Map<String, List<WebhookReceiver.Received>> byId =
                    all.stream().collect(Collectors.groupingBy(WebhookReceiver.Received::id));
            assertThat(byId).hasSize(2);
            for (List<WebhookReceiver.Received> attempts : byId.values()) {
                assertThat(attempts.stream()
                                .map(WebhookReceiver.Received::event)
                                .distinct())
                        .hasSize(1);
                assertThat(attempts.stream().filter(r -> r.answered() == 204)).hasSize(1);
            }
            assertThat(byId.values().stream().mapToInt(List::size).sum()).isEqualTo(all.size());
            assertThat(byId.values().stream().anyMatch(a -> a.size() > 1))
                    .as("a retry reused its webhook-id")
                    .isTrue();

            JsonNode fatal = receiver.accepted(bot).stream()
                    .filter(r -> r.event().equals("bot.fatal"))
                    .findFirst()
                    .orElseThrow()
                    .json();
            assertThat(fatal.at("/data/data/code").asText()).isEqualTo("fatal");
            assertThat(fatal.at("/data/data/sub_code").asText()).isEqualTo("meeting_requires_sign_in");
            assertThat(fatal.at("/data/data/updated_at").asText()).isNotBlank();
            assertThat(fatal.at("/data/bot/metadata/suite").asText()).isEqualTo("e2e");
            assertThat(receiver.received()).noneMatch(r -> r.event().equals("bot.ready"));
        }
    }

    @Test
    void afterTheLastRetry_deliveriesAreFailed_listed_andReplayable() {
        try (WebhookReceiver receiver = new WebhookReceiver(0);
                E2eStack stack = new E2eStack(dir, E2eStack.Options.standard().webhooks(receiver.url(), "100ms"))) {
            receiver.refuse(true);
            String bot = stack.api.createBot("https://zoom.us/j/81299999999", "Never Heard Of", null);
            stack.api.awaitFatal(bot, "meeting_not_found");

            List<JsonNode> failed = new ArrayList<>();
            await().atMost(Api.WAIT).untilAsserted(() -> {
                failed.clear();
                Http.Reply reply = stack.api.call("GET", "/api/v1/webhook-deliveries/?status=failed", null);
                assertThat(reply.status()).as(reply.text()).isEqualTo(200);
                reply.json().get("results").forEach(d -> {
                    if (d.get("bot_id").asText().equals(bot)) {
                        failed.add(d);
                    }
                });
                assertThat(failed)
                        .extracting(d -> d.get("event").asText())
                        .containsExactlyInAnyOrder("bot.joining_call", "bot.fatal");
            });
            for (JsonNode delivery : failed) {
                assertThat(delivery.get("status").asText()).isEqualTo("failed");
                assertThat(delivery.get("attempts").asInt()).isEqualTo(2);
            }
            List<String> refusedIds = receiver.received().stream()
                    .map(WebhookReceiver.Received::id)
                    .distinct()
                    .toList();
            assertThat(refusedIds).hasSize(2);

            receiver.refuse(false);
            for (JsonNode delivery : failed) {
                Http.Reply replay = stack.api.call(
                        "POST",
                        "/api/v1/webhook-deliveries/" + delivery.get("id").asText() + "/replay/",
                        null);
                assertThat(replay.status()).as(replay.text()).isEqualTo(202);
            }

            await().atMost(Api.WAIT)
                    .untilAsserted(() -> assertThat(receiver.accepted(bot))
                            .extracting(WebhookReceiver.Received::id)
                            .containsExactlyInAnyOrderElementsOf(refusedIds));
            assertThat(receiver.accepted(bot)).allMatch(WebhookReceiver.Received::verified);
            Http.Reply stillFailed = stack.api.call("GET", "/api/v1/webhook-deliveries?status=failed", null);
            assertThat(stillFailed.json().get("results").toString()).doesNotContain(bot);
            Http.Reply unknown = stack.api.call("POST", "/api/v1/webhook-deliveries/nope/replay/", null);
            assertThat(unknown.status()).isEqualTo(404);
        }
    }

    @Test
    void pendingDeliveries_surviveAPlatformRestart_withTheirIds() {
        try (WebhookReceiver receiver = new WebhookReceiver(0);
                E2eStack stack =
                        new E2eStack(dir, E2eStack.Options.standard().webhooks(receiver.url(), "1s,1s,1s,1s,1s,1s"))) {
            receiver.refuse(true);
            String bot = stack.api.createBot("https://zoom.us/j/81299999998", "Outlives Restart", null);
            stack.api.awaitFatal(bot, "meeting_not_found");
            await().atMost(Api.WAIT)
                    .until(() -> receiver.received().stream()
                                    .filter(r -> r.botId().equals(bot))
                                    .map(WebhookReceiver.Received::id)
                                    .distinct()
                                    .count()
                            == 2);
            List<String> refusedIds = receiver.received().stream()
                    .map(WebhookReceiver.Received::id)
                    .distinct()
                    .toList();

            stack.stopPlatform();
            receiver.refuse(false);
            stack.startPlatform();

            await().atMost(Api.WAIT)
                    .untilAsserted(() -> assertThat(receiver.accepted(bot))
                            .extracting(WebhookReceiver.Received::id)
                            .containsExactlyInAnyOrderElementsOf(refusedIds));
            assertThat(receiver.accepted(bot)).allMatch(WebhookReceiver.Received::verified);
        }
    }
}
