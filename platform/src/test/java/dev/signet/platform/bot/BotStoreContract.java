package dev.signet.platform.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signet.platform.ApiHarness;
import dev.signet.platform.TestDatabase;
import dev.signet.platform.runtime.BotStore;
import dev.signet.platform.runtime.Participant;
import dev.signet.platform.runtime.RunnableBot;
import dev.signet.platform.runtime.StatusChange;
import dev.signet.platform.webhook.WebhookSettings;
import dev.signet.testkit.MutableClock;
import dev.signet.webhooks.WebhookSecret;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/** The runtime's store over the database: claiming, recovery, transitions with their outbox rows. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
abstract class BotStoreContract {
    static final Instant START = Instant.parse("2026-06-01T12:00:00Z");

    final MutableClock clock = MutableClock.at(START);
    TestDatabase database;
    ApiHarness harness;
    BotStore store;

    abstract TestDatabase openDatabase();

    @BeforeAll
    void up() {
        database = openDatabase();
        // An endpoint that is never called: the deliverer is not started, so rows stay in the outbox.
        WebhookSettings settings = new WebhookSettings(
                List.of(URI.create("http://127.0.0.1:9/hook")),
                WebhookSecret.generate(new SecureRandom()),
                List.of(Duration.ofSeconds(1)),
                Duration.ofSeconds(1),
                Duration.ofSeconds(1));
        harness = ApiHarness.start(database.jdbcUrl(), clock, settings, false);
        store = harness.store();
    }

    @AfterAll
    void down() {
        if (harness != null) {
            harness.close();
        }
        if (database != null) {
            database.close();
        }
    }

    UUID create(String extra) {
        var response = harness.client()
                .post(
                        "/api/v1/bot/",
                        "{\"meeting_url\":\"https://zoom.us/j/85412345678?pwd=p.1&tk=reg-token\"" + extra + "}");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return UUID.fromString(response.json().get("id").asText());
    }

    boolean isDue(UUID id) {
        return store.due(clock.instant(), 10_000).stream().anyMatch(b -> b.id().equals(id));
    }

    long outboxRows(UUID id) {
        return harness.jdbi()
                .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM webhook_deliveries WHERE bot_id = :id")
                        .bind("id", id)
                        .mapTo(Long.class)
                        .one());
    }

    @Test
    void due_immediateBotAtOnceScheduledBotOnlyWhenItsTimeComes() {
        UUID now = create("");
        UUID later = create(",\"join_at\":\"" + START.plus(Duration.ofHours(1)) + "\"");

        assertThat(isDue(now)).isTrue();
        assertThat(isDue(later)).isFalse();
        assertThat(store.due(START.plus(Duration.ofHours(1)), 10_000))
                .extracting(RunnableBot::id)
                .contains(later);
    }

    @Test
    void due_carriesWhatTheRuntimeNeeds() {
        UUID id = create(",\"bot_name\":\"Ada\",\"automatic_leave\":{\"waiting_room_timeout\":60}");

        RunnableBot bot = store.due(clock.instant(), 10_000).stream()
                .filter(b -> b.id().equals(id))
                .findFirst()
                .orElseThrow();

        assertThat(bot.botName()).isEqualTo("Ada");
        assertThat(bot.meetingNumber()).isEqualTo("85412345678");
        assertThat(bot.meetingPassword()).isEqualTo("p.1");
        assertThat(bot.tk()).isEqualTo("reg-token");
        assertThat(bot.zakUrl()).isNull();
        assertThat(bot.automaticLeave().waitingRoomTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(bot.currentStatus()).isEqualTo("ready");
    }

    @Test
    void markDispatched_claimsOnceEvenUnderContention() throws Exception {
        UUID id = create("");
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Callable<Boolean>> claims = java.util.Collections.nCopies(8, () -> store.markDispatched(id));
            List<Future<Boolean>> results = pool.invokeAll(claims);
            long won = 0;
            for (Future<Boolean> r : results) {
                won += r.get() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        }
        assertThat(isDue(id)).isFalse();
        assertThat(store.markDispatched(UUID.randomUUID())).isFalse();
    }

    @Test
    void unfinished_isEveryDispatchedOrMovingBotNotYetFinal() {
        UUID scheduled = create("");
        UUID claimed = create("");
        store.markDispatched(claimed);
        UUID inCall = create("");
        store.markDispatched(inCall);
        store.transition(inCall, new StatusChange("in_call_not_recording", null, null, START));
        UUID done = create("");
        store.markDispatched(done);
        store.transition(done, new StatusChange("done", null, null, START));
        UUID fatal = create("");
        store.markDispatched(fatal);
        store.transition(fatal, new StatusChange("fatal", "bot_errored", "x", START));

        List<UUID> unfinished = store.unfinished().stream().map(RunnableBot::id).toList();

        assertThat(unfinished).contains(claimed, inCall).doesNotContain(scheduled, done, fatal);
        RunnableBot recovered = store.unfinished().stream()
                .filter(b -> b.id().equals(inCall))
                .findFirst()
                .orElseThrow();
        assertThat(recovered.currentStatus()).isEqualTo("in_call_not_recording");
    }

    @Test
    void transition_recordsStatusAndQueuesOneWebhookPerEndpointExceptReady() {
        UUID id = create(",\"metadata\":{\"k\":\"v\"}");
        assertThat(outboxRows(id)).isZero();

        store.markDispatched(id);
        store.transition(id, new StatusChange("joining_call", null, null, START.plusSeconds(1)));
        store.transition(id, new StatusChange("ready", null, null, START.plusSeconds(2)));

        assertThat(outboxRows(id)).isEqualTo(1);
        JsonNode bot = harness.client().get("/api/v1/bot/" + id).json();
        assertThat(bot.get("status_changes"))
                .extracting(c -> c.get("code").asText())
                .containsExactly("ready", "joining_call", "ready");
        String payload = harness.jdbi()
                .withHandle(h -> h.createQuery("SELECT payload FROM webhook_deliveries WHERE bot_id = :id")
                        .bind("id", id)
                        .mapTo(String.class)
                        .one());
        assertThat(payload).contains("\"event\":\"bot.joining_call\"").contains("\"k\":\"v\"");
    }

    @Test
    void transition_ofAMissingBot_writesNothing() {
        UUID ghost = UUID.randomUUID();

        assertThatThrownBy(() -> store.transition(ghost, new StatusChange("joining_call", null, null, START)))
                .isInstanceOf(RuntimeException.class);
        assertThat(outboxRows(ghost)).isZero();
    }

    @Test
    void participants_replaceTheList() {
        UUID id = create("");
        store.participants(id, List.of(new Participant("1", "A", null, null, false, true)));
        store.participants(
                id,
                List.of(
                        new Participant("2", "B", "b@example.com", null, true, false),
                        new Participant("3", "C", null, null, false, false)));

        JsonNode shown = harness.client().get("/api/v1/bot/" + id).json().get("meeting_participants");

        assertThat(shown).extracting(p -> p.get("name").asText()).containsExactly("B", "C");
    }
}
