package dev.signet.platform.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signet.platform.ApiClient;
import dev.signet.platform.ApiHarness;
import dev.signet.platform.TestDatabase;
import dev.signet.platform.crypto.SecretBox;
import dev.signet.platform.http.JsonCodec;
import dev.signet.platform.runtime.BotStore;
import dev.signet.platform.runtime.Claimed;
import dev.signet.platform.runtime.LeaseLostException;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
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

    /** Claims every due bot for the harness's node; {@code id}'s claim, if it was among them. */
    Optional<Claimed> claim(UUID id, Instant at) {
        return store.claim(at, 10_000).stream().filter(c -> c.id().equals(id)).findFirst();
    }

    void claimed(UUID id) {
        assertThat(claim(id, clock.instant())).as("claim of " + id).isPresent();
    }

    long outboxRows(UUID id) {
        return harness.jdbi()
                .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM webhook_deliveries WHERE bot_id = :id")
                        .bind("id", id)
                        .mapTo(Long.class)
                        .one());
    }

    @Test
    void claim_immediateBotAtOnceScheduledBotOnlyWhenItsTimeComes() {
        UUID now = create("");
        UUID later = create(",\"join_at\":\"" + START.plus(Duration.ofHours(1)) + "\"");

        assertThat(store.nextJoinAt(START)).contains(START.plus(Duration.ofHours(1)));
        List<UUID> first = store.claim(START, 10_000).stream().map(Claimed::id).toList();
        assertThat(first).contains(now).doesNotContain(later);
        assertThat(store.claim(START.plus(Duration.ofHours(1)), 10_000))
                .extracting(Claimed::id)
                .contains(later)
                .doesNotContain(now);
    }

    @Test
    void claim_carriesWhatTheRuntimeNeeds() {
        UUID id = create(",\"bot_name\":\"Ada\",\"automatic_leave\":{\"waiting_room_timeout\":60}");

        Claimed claimed = claim(id, clock.instant()).orElseThrow();

        assertThat(claimed).isInstanceOf(Claimed.Bot.class);
        assertThat(((Claimed.Bot) claimed).handedOver()).isFalse();
        RunnableBot bot = ((Claimed.Bot) claimed).bot();
        assertThat(bot.botName()).isEqualTo("Ada");
        assertThat(bot.meetingNumber()).isEqualTo("85412345678");
        assertThat(bot.meetingPassword()).isEqualTo("p.1");
        assertThat(bot.tk()).isEqualTo("reg-token");
        assertThat(bot.zakUrl()).isNull();
        assertThat(bot.automaticLeave().waitingRoomTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(bot.currentStatus()).isEqualTo("ready");
    }

    @Test
    void claim_byManyNodesAtOnce_givesEachBotToExactlyOneNode() throws Exception {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ids.add(create(""));
        }
        List<Bots> nodes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            nodes.add(harness.otherNode("contender-" + i, clock));
        }
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Callable<List<UUID>>> claims = new ArrayList<>();
            for (Bots node : nodes) {
                for (int round = 0; round < 4; round++) {
                    claims.add(() -> node.store().claim(clock.instant(), 7).stream()
                            .map(Claimed::id)
                            .toList());
                }
            }
            List<UUID> won = new ArrayList<>();
            for (Future<List<UUID>> r : pool.invokeAll(claims)) {
                won.addAll(r.get());
            }
            assertThat(won).doesNotHaveDuplicates();
            List<UUID> rest = store.claim(clock.instant(), 10_000).stream()
                    .map(Claimed::id)
                    .toList();
            List<UUID> all = new ArrayList<>(won);
            all.addAll(rest);
            assertThat(all).doesNotHaveDuplicates().containsAll(ids);
        } finally {
            nodes.forEach(Bots::close);
        }
    }

    @Test
    void claim_locksOnlyTheBotsItReturns() throws Exception {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ids.add(create(""));
        }
        BotRepository bots = new BotRepository(
                new JsonCodec(), new BotSecrets(SecretBox.of(ApiHarness.ENCRYPTION_KEY, new SecureRandom())));
        try (Handle claiming = harness.jdbi().open();
                ExecutorService other = Executors.newVirtualThreadPerTaskExecutor()) {
            claiming.begin();
            try {
                Set<UUID> taken = bots.claim(claiming, "probe", clock.instant(), 5).stream()
                        .map(Claimed::id)
                        .collect(Collectors.toSet());
                assertThat(taken).hasSize(5);
                UUID untaken = ids.stream()
                        .filter(id -> !taken.contains(id))
                        .findFirst()
                        .orElseThrow();

                // While the claim's transaction is open, a due bot it did not return can still be changed: the claim
                // holds no lock on it (H2 used to lock every due row, PostgreSQL locks only what LIMIT returns).
                Future<ApiClient.Response> patched = other.submit(
                        () -> harness.client().patch("/api/v1/bot/" + untaken + "/", "{\"bot_name\":\"Free\"}"));
                assertThat(patched.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
            } finally {
                claiming.rollback();
            }
        }
    }

    @Test
    void update_afterAClaim_isRefused_soABotNeverJoinsWithOldFields() {
        UUID id = create("");
        claimed(id);

        var response = harness.client().patch("/api/v1/bot/" + id + "/", "{\"bot_name\":\"Late\"}");

        assertThat(response.status()).isEqualTo(400);
    }

    @Test
    void handOver_aDrainedNodesBotsAreClaimedByAnotherAsHandedOver() {
        Bots a = harness.otherNode("drained-a", clock);
        Bots b = harness.otherNode("taker-b", clock);
        try {
            a.cluster().join(10);
            b.cluster().join(10);
            UUID inCall = create("");
            assertThat(a.store().claim(clock.instant(), 10_000))
                    .extracting(Claimed::id)
                    .contains(inCall);
            a.store().transition(inCall, new StatusChange("joining_call", null, null, START));
            a.store().transition(inCall, new StatusChange("in_call_not_recording", null, null, START));
            assertThat(b.store().claim(clock.instant(), 10_000))
                    .extracting(Claimed::id)
                    .doesNotContain(inCall);

            a.cluster().leave();

            Claimed taken = b.store().claim(clock.instant(), 10_000).stream()
                    .filter(c -> c.id().equals(inCall))
                    .findFirst()
                    .orElseThrow();
            assertThat(((Claimed.Bot) taken).handedOver()).isTrue();
            assertThat(((Claimed.Bot) taken).bot().currentStatus()).isEqualTo("in_call_not_recording");
            // The old holder's writes are fenced off: nothing it writes lands any more.
            assertThatThrownBy(() -> a.store().transition(inCall, new StatusChange("done", null, null, START)))
                    .isInstanceOf(LeaseLostException.class);
            assertThatThrownBy(() -> a.store().participants(inCall, List.of())).isInstanceOf(LeaseLostException.class);
            JsonNode bot = harness.client().get("/api/v1/bot/" + inCall).json();
            assertThat(bot.get("status_changes")
                            .get(bot.get("status_changes").size() - 1)
                            .get("code")
                            .asText())
                    .isEqualTo("in_call_not_recording");
        } finally {
            a.close();
            b.close();
        }
    }

    @Test
    void reap_anExpiredNodeLosesItsBotsAndItsLease() {
        MutableClock late = MutableClock.at(START);
        Bots dead = harness.otherNode("dead-node", late);
        Bots alive = harness.otherNode("alive-node", late);
        try {
            dead.cluster().join(5);
            alive.cluster().join(5);
            UUID id = create("");
            assertThat(dead.store().claim(late.instant(), 10_000))
                    .extracting(Claimed::id)
                    .contains(id);
            assertThat(alive.cluster().reapExpired()).doesNotContain("dead-node");

            late.advance(ApiHarness.LEASE.plusSeconds(1));
            assertThat(alive.cluster().heartbeat(0, 5, false)).isTrue();
            assertThat(alive.cluster().reapExpired()).contains("dead-node");

            assertThat(dead.cluster().heartbeat(1, 5, false)).isFalse();
            assertThat(alive.store().claim(late.instant(), 10_000))
                    .extracting(Claimed::id)
                    .contains(id);
        } finally {
            dead.close();
            alive.close();
        }
    }

    @Test
    void sendLeave_reachesTheNodeHoldingTheBotOnly() {
        Bots holder = harness.otherNode("holder", clock);
        Bots other = harness.otherNode("bystander", clock);
        try {
            holder.cluster().join(10);
            other.cluster().join(10);
            UUID id = create("");
            assertThat(other.cluster().sendLeave(id)).isFalse(); // nobody holds it yet
            assertThat(holder.store().claim(clock.instant(), 10_000))
                    .extracting(Claimed::id)
                    .contains(id);

            assertThat(other.cluster().sendLeave(id)).isTrue();

            assertThat(other.cluster().takeLeaveCommands()).isEmpty();
            assertThat(holder.cluster().takeLeaveCommands()).containsExactly(id);
            assertThat(holder.cluster().takeLeaveCommands()).isEmpty();
        } finally {
            holder.close();
            other.close();
        }
    }

    @Test
    void freeCapacity_countsLiveNodesThatAreNotDraining() {
        MutableClock own = MutableClock.at(START.plus(Duration.ofDays(30)));
        Bots a = harness.otherNode("cap-a", own);
        Bots b = harness.otherNode("cap-b", own);
        try {
            a.cluster().join(3);
            b.cluster().join(4);
            b.cluster().heartbeat(1, 4, false);
            // Only nodes whose lease runs past the clock count (older tests' nodes expired long ago).
            assertThat(a.cluster().freeCapacity()).isEqualTo(3);
            b.cluster().heartbeat(1, 4, true);
            assertThat(a.cluster().freeCapacity()).isZero();
        } finally {
            a.cluster().leave();
            b.cluster().leave();
            a.close();
            b.close();
        }
    }

    @Test
    void markWaitingForCapacity_recordsReadyWaitingOnceAndQueuesNoWebhook() {
        UUID id = create("");
        Instant at = clock.instant();

        assertThat(store.markWaitingForCapacity(at, 10_000)).isPositive();
        assertThat(store.markWaitingForCapacity(at, 10_000)).isZero();

        JsonNode bot = harness.client().get("/api/v1/bot/" + id).json();
        assertThat(bot.get("status_changes"))
                .extracting(
                        c -> c.get("code").asText() + "/" + c.path("sub_code").asText(""))
                .containsExactly("ready/", "ready/waiting_for_capacity");
        assertThat(outboxRows(id)).isZero();
        claimed(id); // still claimable when a slot frees
    }

    @Test
    void claim_aBotWhoseStoredValueCannotBeOpened_isReportedNotThrown() {
        UUID broken = create(",\"zoom\":{\"zak_url\":\"https://tokens.example.com/zak?k=1\"}");
        UUID fine = create("");
        harness.jdbi()
                .useHandle(h -> h.createUpdate("UPDATE bots SET zak_url = 'v1:not-a-sealed-value' WHERE id = :id")
                        .bind("id", broken)
                        .execute());

        List<Claimed> claimed = store.claim(clock.instant(), 10_000);

        assertThat(claimed)
                .filteredOn(c -> c.id().equals(broken))
                .singleElement()
                .isInstanceOf(Claimed.Unreadable.class);
        assertThat(claimed).filteredOn(c -> c.id().equals(fine)).singleElement().isInstanceOf(Claimed.Bot.class);
        store.transition(broken, new StatusChange("fatal", "bot_errored", "unreadable", START));
        JsonNode changes = harness.client().get("/api/v1/bot/" + broken).json().get("status_changes");
        assertThat(changes.get(changes.size() - 1).get("code").asText()).isEqualTo("fatal");
    }

    @Test
    void transition_recordsStatusAndQueuesOneWebhookPerEndpointExceptReady() {
        UUID id = create(",\"metadata\":{\"k\":\"v\"}");
        assertThat(outboxRows(id)).isZero();

        claimed(id);
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
                .isInstanceOf(LeaseLostException.class);
        assertThat(outboxRows(ghost)).isZero();
    }

    @Test
    void participants_replaceTheList() {
        UUID id = create("");
        claimed(id);
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
