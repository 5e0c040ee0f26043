package dev.signet.platform.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.signet.platform.ApiClient.Response;
import dev.signet.platform.ApiHarness;
import dev.signet.platform.TestDatabase;
import dev.signet.platform.db.SqlTime;
import dev.signet.platform.runtime.StatusChange;
import dev.signet.testkit.MutableClock;
import dev.signet.webhooks.ReplayGuard;
import dev.signet.webhooks.Verification;
import dev.signet.webhooks.WebhookSecret;
import dev.signet.webhooks.WebhookVerifier;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/** Webhook delivery through the outbox to a real receiver; run once on H2 and once on PostgreSQL. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
abstract class WebhookDeliveryContract {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String MEETING =
            "{\"meeting_url\":\"https://zoom.us/j/85412345678\",\"metadata\":{\"customer\":\"acme\"}}";

    final Clock clock = Clock.systemUTC();
    final WebhookSecret secret = WebhookSecret.generate(new SecureRandom());
    TestDatabase database;
    WebhookReceiver receiver;
    ApiHarness harness;

    abstract TestDatabase openDatabase();

    @BeforeAll
    void openDb() {
        database = openDatabase();
    }

    @AfterAll
    void closeDb() {
        if (database != null) {
            database.close();
        }
    }

    @BeforeEach
    void up() {
        receiver = new WebhookReceiver();
        harness = start(true);
    }

    @AfterEach
    void down() {
        harness.close();
        receiver.close();
    }

    ApiHarness start(boolean deliver) {
        WebhookSettings settings = new WebhookSettings(
                List.of(receiver.url()),
                secret,
                List.of(Duration.ofMillis(50), Duration.ofMillis(100)),
                Duration.ofMillis(500),
                Duration.ofMillis(50));
        return ApiHarness.start(database.jdbcUrl(), clock, settings, deliver);
    }

    UUID botInCall(ApiHarness h) {
        Response created = h.client().post("/api/v1/bot/", MEETING);
        assertThat(created.status()).isEqualTo(201);
        UUID id = UUID.fromString(created.json().get("id").asText());
        assertThat(h.claim(id)).isPresent();
        h.store().transition(id, new StatusChange("joining_call", null, null, clock.instant()));
        return id;
    }

    List<Delivery> deliveries(UUID botId) {
        return new WebhookRepository(harness.jdbi())
                .list(null, null, null, 1000).stream()
                        .filter(d -> botId.equals(d.botId()))
                        .toList();
    }

    Verification verify(WebhookReceiver.Received r) {
        return new WebhookVerifier(List.of(secret), Duration.ofMinutes(5), clock, ReplayGuard.none())
                .verify(r.id(), r.timestamp(), r.signature(), r.body());
    }

    @Test
    void transition_deliversSignedRecallPayload() throws IOException {
        UUID id = botInCall(harness);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> !receiver.forBot(id.toString()).isEmpty());
        WebhookReceiver.Received r = receiver.forBot(id.toString()).getFirst();
        assertThat(verify(r)).isInstanceOf(Verification.Valid.class);
        assertThat(r.id()).startsWith("msg_");
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("event").asText()).isEqualTo("bot.joining_call");
        assertThat(body.get("data").get("data").get("code").asText()).isEqualTo("joining_call");
        assertThat(body.get("data").get("data").get("sub_code").isNull()).isTrue();
        assertThat(Instant.parse(body.get("data").get("data").get("updated_at").asText()))
                .isNotNull();
        assertThat(body.get("data").get("bot").get("id").asText()).isEqualTo(id.toString());
        assertThat(body.get("data").get("bot").get("metadata").get("customer").asText())
                .isEqualTo("acme");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> deliveries(id).getFirst().status() == DeliveryStatus.DELIVERED);
    }

    @Test
    void fatalWithSubCode_carriesIt() throws IOException {
        UUID id = botInCall(harness);
        harness.store()
                .transition(
                        id, new StatusChange("fatal", "meeting_requires_sign_in", "Sign In Required", clock.instant()));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> receiver.forBot(id.toString()).size() == 2);
        JsonNode fatal = receiver.forBot(id.toString()).stream()
                .map(r -> read(r.body()))
                .filter(b -> b.get("event").asText().equals("bot.fatal"))
                .findFirst()
                .orElseThrow();
        assertThat(fatal.get("data").get("data").get("sub_code").asText()).isEqualTo("meeting_requires_sign_in");
    }

    static JsonNode read(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void ready_isRecordedButNeverSent() {
        Response created = harness.client().post("/api/v1/bot/", MEETING);
        UUID id = UUID.fromString(created.json().get("id").asText());
        harness.claim(id);
        harness.store().transition(id, new StatusChange("ready", null, null, clock.instant()));

        assertThat(deliveries(id)).isEmpty();
        assertThat(harness.client().get("/api/v1/bot/" + id).json().get("status_changes"))
                .hasSize(2);
    }

    @Test
    void failingReceiver_isRetriedWithTheSameIdUntilItAnswers2xx() {
        receiver.scripted.add(500);
        receiver.scripted.add(503);
        UUID id = botInCall(harness);

        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        !deliveries(id).isEmpty() && deliveries(id).getFirst().status() == DeliveryStatus.DELIVERED);
        List<WebhookReceiver.Received> attempts = receiver.forBot(id.toString());
        assertThat(attempts).hasSize(3);
        assertThat(attempts)
                .extracting(WebhookReceiver.Received::id)
                .containsOnly(attempts.getFirst().id());
        assertThat(attempts).allSatisfy(r -> assertThat(verify(r)).isInstanceOf(Verification.Valid.class));
        assertThat(deliveries(id).getFirst().attempts()).isEqualTo(3);
    }

    @Test
    void receiverThatNeverSucceeds_endsFailedThenReplayDeliversIt() {
        receiver.fallbackStatus = 500;
        UUID id = botInCall(harness);

        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        !deliveries(id).isEmpty() && deliveries(id).getFirst().status() == DeliveryStatus.FAILED);
        Delivery failed = deliveries(id).getFirst();
        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(receiver.forBot(id.toString())).hasSize(3);

        Response listed = harness.client().get("/api/v1/webhook-deliveries/?status=failed");
        assertThat(listed.status()).isEqualTo(200);
        JsonNode row = null;
        for (JsonNode r : listed.json().get("results")) {
            if (r.get("id").asText().equals(failed.id())) {
                row = r;
            }
        }
        assertThat(row).as(listed.body()).isNotNull();
        assertThat(row.get("status").asText()).isEqualTo("failed");
        assertThat(row.get("last_error").asText()).isEqualTo("HTTP 500");
        assertThat(row.get("event").asText()).isEqualTo("bot.joining_call");
        assertThat(listed.body()).doesNotContain("receiver-secret").contains("token=REDACTED");
        assertThat(harness.client().get("/metrics").body()).contains("signet_webhook_deliveries{state=\"failed\"}");

        receiver.fallbackStatus = 204;
        Response replay = harness.client().post("/api/v1/webhook-deliveries/" + failed.id() + "/replay/", null);
        assertThat(replay.status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> deliveries(id).getFirst().status() == DeliveryStatus.DELIVERED);
        assertThat(receiver.forBot(id.toString()))
                .hasSize(4)
                .extracting(WebhookReceiver.Received::id)
                .containsOnly(failed.id());
    }

    @Test
    void receiverThatHangs_timesOutAndIsRetried() {
        receiver.hang = true;
        UUID id = botInCall(harness);

        await().atMost(Duration.ofSeconds(15))
                .until(() ->
                        !deliveries(id).isEmpty() && deliveries(id).getFirst().attempts() >= 1);
        assertThat(deliveries(id).getFirst().lastError()).startsWith("no answer within");
        receiver.release.countDown();
    }

    @Test
    void replay_unknownId_returns404() {
        assertThat(harness.client()
                        .post("/api/v1/webhook-deliveries/msg_nope/replay/", null)
                        .status())
                .isEqualTo(404);
        assertThat(harness.client()
                        .get("/api/v1/webhook-deliveries/?status=lost")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void pendingDelivery_survivesARestartWithItsId() {
        harness.close();
        ApiHarness stopped = start(false);
        UUID id;
        String webhookId;
        try {
            id = botInCall(stopped);
            webhookId = new WebhookRepository(stopped.jdbi())
                    .list(DeliveryStatus.PENDING, null, null, 1000).stream()
                            .filter(d -> id.equals(d.botId()))
                            .findFirst()
                            .orElseThrow()
                            .id();
        } finally {
            stopped.close();
        }
        assertThat(receiver.forBot(id.toString())).isEmpty();

        harness = start(true);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> !receiver.forBot(id.toString()).isEmpty());
        assertThat(receiver.forBot(id.toString()).getFirst().id()).isEqualTo(webhookId);
    }

    ApiHarness start(WebhookSettings settings) {
        return ApiHarness.start(database.jdbcUrl(), clock, settings, true);
    }

    /** Queues {@code count} webhooks about one made-up bot straight into the outbox, as a status change would. */
    UUID enqueue(ApiHarness h, int count) {
        UUID botId = UUID.randomUUID();
        h.jdbi().useTransaction(handle -> {
            for (int i = 0; i < count; i++) {
                h.webhooks().outbox().enqueue(handle, botId, "bot.joining_call", Map.of("n", i, "bot", botId));
            }
        });
        h.webhooks().outbox().committed();
        return botId;
    }

    List<Map<String, Object>> rows(UUID botId) {
        return harness.jdbi()
                .withHandle(h -> h.createQuery("SELECT * FROM webhook_deliveries WHERE bot_id = :id")
                        .bind("id", botId)
                        .mapToMap()
                        .list());
    }

    @Test
    void storedRow_holdsTheEndpointSealedAndOnlyItsRedactedForm() {
        UUID id = botInCall(harness);

        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        !deliveries(id).isEmpty() && deliveries(id).getFirst().status() == DeliveryStatus.DELIVERED);
        assertThat(receiver.forBot(id.toString())).hasSize(1);
        List<Map<String, Object>> rows = rows(id);
        assertThat(rows).hasSize(1);
        assertThat(rows.toString()).doesNotContain("receiver-secret");
        assertThat(rows.getFirst().get("endpoint"))
                .isEqualTo(receiver.url().toString().replace("receiver-secret", "REDACTED"));
        assertThat(String.valueOf(rows.getFirst().get("endpoint_sealed"))).startsWith("v2:");
    }

    @Test
    void rowQueuedBeforeEndpointsWereSealed_isSealedAtStartAndDelivered() {
        // As V20 leaves a row written before it: the plain URL in endpoint, marked endpoint_plain.
        harness.close();
        UUID botId = UUID.randomUUID();
        String webhookId = "msg_legacy" + botId.toString().replace("-", "");
        try (ApiHarness stopped = start(false)) {
            Instant now = clock.instant();
            stopped.jdbi()
                    .useHandle(h -> h.createUpdate("""
                            INSERT INTO webhook_deliveries (id, bot_id, event, endpoint, payload, status, attempts,
                                next_attempt_at, created_at, updated_at, endpoint_plain)
                            VALUES (:id, :bot, 'bot.done', :endpoint, :payload, 'pending', 0, :now, :now, :now, TRUE)
                            """)
                            .bind("id", webhookId)
                            .bind("bot", botId)
                            .bind("endpoint", receiver.url().toString())
                            .bind("payload", "{\"bot\":\"" + botId + "\"}")
                            .bind("now", SqlTime.bind(now))
                            .execute());
        }

        harness = start(true);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> !receiver.forBot(botId.toString()).isEmpty());
        assertThat(receiver.forBot(botId.toString()).getFirst().id()).isEqualTo(webhookId);
        assertThat(rows(botId).toString()).doesNotContain("receiver-secret");
        assertThat(String.valueOf(rows(botId).getFirst().get("endpoint_sealed")))
                .startsWith("v2:");
    }

    @Test
    void backlogToOneEndpoint_neverHasMoreThanTheCapInFlight() {
        harness.close();
        harness = start(new WebhookSettings(
                List.of(receiver.url()),
                secret,
                List.of(Duration.ofMillis(50)),
                Duration.ofSeconds(20),
                Duration.ofMillis(50),
                3));
        receiver.hang = true;

        UUID botId = enqueue(harness, 20);

        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.inFlight.get() == 3);
        // Passes keep running (each poll interval); none may open a fourth exchange while three hang.
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> receiver.inFlight.get() <= 3);
        receiver.release.countDown();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> deliveries(botId).stream().allMatch(d -> d.status() == DeliveryStatus.DELIVERED));
        assertThat(receiver.maxInFlight.get()).isEqualTo(3);
        assertThat(receiver.forBot(botId.toString()))
                .hasSize(20)
                .extracting(WebhookReceiver.Received::id)
                .doesNotHaveDuplicates();
    }

    @Test
    void busyEndpoint_isClaimedForInBatchesNotSlotBySlot() {
        // A clock that stands still: the claim gap never ends, so only free slots can release a held-back claim.
        harness.close();
        harness = ApiHarness.start(
                database.jdbcUrl(),
                MutableClock.at(clock.instant()),
                new WebhookSettings(
                        List.of(receiver.url()),
                        secret,
                        List.of(Duration.ofMillis(50)),
                        Duration.ofSeconds(20),
                        Duration.ofMillis(50),
                        4),
                true);
        receiver.oneByOne = true;

        UUID botId = enqueue(harness, 12);
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.inFlight.get() == 4);

        // One of four slots free: the next claim waits for a second one rather than commit for a single row.
        receiver.admit.release();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> receiver.received.size() == 4 && receiver.inFlight.get() == 3);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> receiver.inFlight.get() == 3);
        // Two free: half the cap, so both are claimed at once.
        receiver.admit.release();
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received.size() == 6);

        receiver.admit.release(100);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> deliveries(botId).stream().allMatch(d -> d.status() == DeliveryStatus.DELIVERED));
        assertThat(receiver.maxInFlight.get()).isEqualTo(4);
        assertThat(receiver.forBot(botId.toString()))
                .hasSize(12)
                .extracting(WebhookReceiver.Received::id)
                .doesNotHaveDuplicates();
    }

    @Test
    void answerStreamedSlowerThanTheTimeout_endsTheAttemptAtItsDeadline() {
        receiver.trickle = true; // headers at once, the body over 3 s; the timeout is 500 ms

        UUID id = botInCall(harness);

        await().atMost(Duration.ofSeconds(15))
                .until(() ->
                        !deliveries(id).isEmpty() && deliveries(id).getFirst().attempts() >= 1);
        Delivery d = deliveries(id).getFirst();
        assertThat(d.status()).isNotEqualTo(DeliveryStatus.DELIVERED);
        assertThat(d.lastError()).startsWith("no answer within 500 ms");
    }
}
