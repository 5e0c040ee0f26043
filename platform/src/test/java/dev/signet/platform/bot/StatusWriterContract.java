package dev.signet.platform.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.signet.platform.ApiHarness;
import dev.signet.platform.TestDatabase;
import dev.signet.platform.crypto.SecretBox;
import dev.signet.platform.db.Database;
import dev.signet.platform.http.JsonCodec;
import dev.signet.platform.runtime.Participant;
import dev.signet.platform.runtime.RosterChange;
import dev.signet.platform.runtime.StatusChange;
import dev.signet.platform.time.Pause;
import dev.signet.platform.webhook.WebhookSettings;
import dev.signet.platform.webhook.Webhooks;
import dev.signet.testkit.MutableClock;
import dev.signet.webhooks.WebhookSecret;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.TemplateEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Load never kills a bot (issue 10): the write path of running bots under an exhausted pool and a bounded queue.
 * Every test makes many bots write at once while the database cannot take them, then lets it go, and checks that
 * every change arrived, in each bot's order, each with its webhook row — and that no write failed meanwhile.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
abstract class StatusWriterContract {
    static final Instant START = Instant.parse("2026-06-01T12:00:00Z");
    static final List<String> CODES = List.of("joining_call", "in_waiting_room", "in_call_not_recording", "call_ended");

    final MutableClock clock = MutableClock.at(START);
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    TestDatabase database;
    ApiHarness harness;

    abstract TestDatabase openDatabase();

    @BeforeEach
    void up() {
        database = openDatabase();
        harness = ApiHarness.start(database.jdbcUrl(), clock, webhookSettings(), false);
    }

    @AfterEach
    void down() {
        harness.close();
        database.close();
    }

    static WebhookSettings webhookSettings() {
        // An endpoint that is never called: the deliverer is not started, so rows stay in the outbox.
        return new WebhookSettings(
                List.of(URI.create("http://127.0.0.1:9/hook")),
                WebhookSecret.generate(new SecureRandom()),
                List.of(Duration.ofSeconds(1)),
                Duration.ofSeconds(1),
                Duration.ofSeconds(1));
    }

    @Test
    void creationsWaitingTogether_areWrittenAsOneBatch_andABadRowFailsOnlyItsOwnRequest() throws Exception {
        BotRepository repository = new BotRepository(
                new JsonCodec(), new BotSecrets(SecretBox.of(ApiHarness.ENCRYPTION_KEY, new SecureRandom())));
        BotRequestParser parser = new BotRequestParser(clock, new TokenUrls(true));
        CreateBotRequest request = parser.create(new ObjectMapper()
                .readTree("{\"meeting_url\":\"https://zoom.us/j/85412345678\",\"metadata\":{\"batch\":\"yes\"}}"));
        StatusChange ready = new StatusChange("ready", null, null, START);
        UUID taken = UUID.randomUUID();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(UUID.randomUUID());
        }
        try (BotInserts inserts = new BotInserts(harness.jdbi(), repository, new BotHistoryRepository())) {
            inserts.start();
            inserts.insert(new BotInserts.NewBot(repository.newRow(taken, request, START), ready));
        }
        try (BotInserts inserts = new BotInserts(harness.jdbi(), repository, new BotHistoryRepository());
                ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> good = new ArrayList<>();
            for (UUID id : ids) {
                good.add(callers.submit(
                        () -> inserts.insert(new BotInserts.NewBot(repository.newRow(id, request, START), ready))));
            }
            // The same id again: its INSERT fails the batch's transaction.
            Future<?> duplicate = callers.submit(
                    () -> inserts.insert(new BotInserts.NewBot(repository.newRow(taken, request, START), ready)));
            await().atMost(Duration.ofSeconds(10)).until(() -> inserts.queued() == 21);
            inserts.start(); // all 21 are waiting: one batch

            for (Future<?> f : good) {
                f.get(30, TimeUnit.SECONDS);
            }
            assertThatThrownBy(() -> duplicate.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
        }
        harness.jdbi().useHandle(h -> {
            for (UUID id : ids) {
                assertThat(h.createQuery("SELECT status FROM bots WHERE id = :id")
                                .bind("id", id)
                                .mapTo(String.class)
                                .one())
                        .isEqualTo("ready");
                assertThat(h.createQuery("SELECT code FROM bot_status_changes WHERE bot_id = :id")
                                .bind("id", id)
                                .mapTo(String.class)
                                .list())
                        .containsExactly("ready");
                assertThat(h.createQuery("SELECT meta_value FROM bot_metadata WHERE bot_id = :id")
                                .bind("id", id)
                                .mapTo(String.class)
                                .list())
                        .containsExactly("yes");
            }
            assertThat(h.createQuery("SELECT COUNT(*) FROM bot_status_changes WHERE bot_id = :id")
                            .bind("id", taken)
                            .mapTo(Integer.class)
                            .one())
                    .isEqualTo(1);
        });
    }

    /** The writers these tests use write through {@value #LANES} lanes: each bot's writes must stay in order. */
    static final int LANES = 3;

    /** A bot store's write path over {@code db}, as the platform wires it, with a short backoff. */
    StatusWriter writer(Database db, int capacity) {
        return writer(db.jdbi(), capacity, LANES);
    }

    StatusWriter writer(Database db, int capacity, int lanes) {
        return writer(db.jdbi(), capacity, lanes);
    }

    StatusWriter writer(Jdbi jdbi, int capacity, int lanes) {
        JsonCodec json = new JsonCodec();
        Webhooks webhooks = new Webhooks(
                jdbi,
                webhookSettings(),
                SecretBox.of(ApiHarness.ENCRYPTION_KEY, new SecureRandom()),
                json,
                clock,
                Pause.real(),
                meters,
                new SecureRandom());
        BotRepository repository =
                new BotRepository(json, new BotSecrets(SecretBox.of(ApiHarness.ENCRYPTION_KEY, new SecureRandom())));
        return new StatusWriter(
                jdbi,
                "test-node",
                repository,
                new BotHistoryRepository(),
                webhooks.outbox(),
                Pause.real(),
                new StatusWriter.Settings(
                        lanes, capacity, 64, Duration.ofMillis(20), Duration.ofMillis(200), Duration.ofSeconds(5)),
                meters);
    }

    List<UUID> createBots(int count) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            var response = harness.client().post("/api/v1/bot/", "{\"meeting_url\":\"https://zoom.us/j/85412345678\"}");
            assertThat(response.status()).as(response.body()).isEqualTo(201);
            ids.add(UUID.fromString(response.json().get("id").asText()));
        }
        ids.forEach(harness::claim); // the writer writes for the harness's node, which must hold the bots
        return ids;
    }

    /** Every bot writes {@link #CODES} in order, each bot on its own virtual thread; returns the futures. */
    static List<Future<?>> writeAll(ExecutorService pool, StatusWriter writer, List<UUID> bots, AtomicInteger done) {
        List<Future<?>> futures = new ArrayList<>();
        for (UUID bot : bots) {
            futures.add(pool.submit(() -> {
                for (String code : CODES) {
                    writer.transition(bot, new StatusChange(code, null, null, START));
                    done.incrementAndGet();
                }
                return null;
            }));
        }
        return futures;
    }

    /** Each bot has "ready" (from creation) then {@link #CODES}, in order, and one outbox row per sent change. */
    void assertEveryChangeArrivedInOrder(List<UUID> bots) {
        Map<UUID, List<StatusChange>> history =
                harness.jdbi().withHandle(h -> new BotHistoryRepository().statusChanges(h, bots));
        List<String> expected = new ArrayList<>();
        expected.add("ready");
        expected.addAll(CODES);
        for (UUID bot : bots) {
            assertThat(history.get(bot)).extracting(StatusChange::code).containsExactlyElementsOf(expected);
        }
        long rows = harness.jdbi()
                .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM webhook_deliveries")
                        .mapTo(Long.class)
                        .one());
        assertThat(rows).isEqualTo((long) bots.size() * CODES.size());
    }

    double retries() {
        var counter = meters.find("signet.store.write.retries").counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void exhaustedPool_botsWaitAndEveryChangeArrives() throws Exception {
        List<UUID> bots = createBots(40);
        AtomicInteger done = new AtomicInteger();
        // A pool of two whose connections someone else holds: every write waits 2 s for a connection and fails
        // (transiently) until released; 2 s, not less, because the pool also runs the migration when it opens and a
        // loaded machine needs time to connect.
        try (Database db = Database.open(database.jdbcUrl(), 2, Duration.ofSeconds(2));
                StatusWriter writer = writer(db, 1024);
                ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Handle first = db.jdbi().open();
            Handle second = db.jdbi().open();
            List<Future<?>> futures = writeAll(pool, writer, bots, done);
            await().atMost(Duration.ofSeconds(30)).until(() -> retries() >= 3);
            assertThat(done.get())
                    .as("nothing commits while the pool is exhausted")
                    .isZero();
            first.close();
            second.close();
            for (Future<?> future : futures) {
                future.get(60, TimeUnit.SECONDS); // no write threw
            }
        }
        assertThat(done.get()).isEqualTo(bots.size() * CODES.size());
        assertEveryChangeArrivedInOrder(bots);
    }

    @Test
    void commitWhoseAnswerIsLost_isNotWrittenTwice() throws Exception {
        List<UUID> bots = createBots(3);
        AtomicBoolean armed = new AtomicBoolean();
        DataSource breaking = commitThenBreak(database.jdbcUrl(), armed);
        try (StatusWriter writer = writer(Jdbi.create(breaking).setTemplateEngine(TemplateEngine.NOP), 16, LANES)) {
            writer.transition(bots.get(0), new StatusChange("joining_call", null, null, START));
            armed.set(true); // the next COMMIT reaches the database, then the connection "breaks"
            for (UUID bot : bots) {
                for (String code : CODES.subList(1, CODES.size())) {
                    writer.transition(bot, new StatusChange(code, null, null, START));
                }
            }
            assertThat(armed.get()).as("a commit was reported failed").isFalse();
            for (UUID bot : List.of(bots.get(1), bots.get(2))) {
                writer.transition(bot, new StatusChange("joining_call", null, null, START));
            }
        }
        assertThat(retries()).as("the broken commit was retried").isPositive();
        Map<UUID, List<StatusChange>> history =
                harness.jdbi().withHandle(h -> new BotHistoryRepository().statusChanges(h, bots));
        assertThat(history.get(bots.get(0)))
                .extracting(StatusChange::code)
                .containsExactly("ready", "joining_call", "in_waiting_room", "in_call_not_recording", "call_ended");
        long rows = harness.jdbi()
                .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM webhook_deliveries")
                        .mapTo(Long.class)
                        .one());
        assertThat(rows).as("one webhook per change").isEqualTo(3L * CODES.size());
    }

    /** Connections whose first COMMIT after {@code armed} is set commits, then throws as a broken connection. */
    static DataSource commitThenBreak(String jdbcUrl, AtomicBoolean armed) {
        return (DataSource) Proxy.newProxyInstance(
                StatusWriterContract.class.getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, m, args) -> {
                    switch (m.getName()) {
                        case "getConnection" -> {}
                        case "toString" -> {
                            return "commit-then-break data source";
                        }
                        case "hashCode" -> {
                            return System.identityHashCode(proxy);
                        }
                        default -> throw new UnsupportedOperationException(m.getName());
                    }
                    Connection real = DriverManager.getConnection(jdbcUrl);
                    return Proxy.newProxyInstance(
                            StatusWriterContract.class.getClassLoader(),
                            new Class<?>[] {Connection.class},
                            (c, method, arguments) -> {
                                Object result;
                                try {
                                    result = method.invoke(real, arguments);
                                } catch (InvocationTargetException e) {
                                    throw e.getCause();
                                }
                                if (method.getName().equals("commit") && armed.compareAndSet(true, false)) {
                                    real.close();
                                    throw new SQLException(
                                            "An I/O error occurred while sending to the backend", "08006");
                                }
                                return result;
                            });
                });
    }

    @Test
    void participants_shareTheWritePath_andTheNewestListWins() throws Exception {
        List<UUID> bots = createBots(3);
        try (Database db = Database.open(database.jdbcUrl(), 2);
                StatusWriter writer = writer(db, 16)) {
            for (UUID bot : bots) {
                writer.participants(
                        bot,
                        List.of(new dev.signet.platform.runtime.Participant("p1", "Old", null, null, false, false)));
                writer.participants(
                        bot,
                        List.of(new dev.signet.platform.runtime.Participant("p2", "New", null, null, false, true)));
            }
        }
        var lists = harness.jdbi().withHandle(h -> new BotHistoryRepository().participants(h, bots));
        for (UUID bot : bots) {
            assertThat(lists.get(bot))
                    .extracting(dev.signet.platform.runtime.Participant::displayName)
                    .containsExactly("New");
        }
    }

    @Test
    void participantsChanged_appendsNewAndUpdatesChangedInPlace() throws Exception {
        List<UUID> bots = createBots(3);
        Participant host = new Participant("p1", "Host", null, null, false, true);
        Participant guest = new Participant("p2", "Guest", null, null, false, false);
        try (Database db = Database.open(database.jdbcUrl(), 2);
                StatusWriter writer = writer(db, 16)) {
            for (UUID bot : bots) {
                writer.participants(bot, List.of(host, guest));
                writer.participantsChanged(
                        bot,
                        new RosterChange(
                                2,
                                List.of(new Participant("p3", "Late", "late@example.com", null, true, false)),
                                Map.of(0, new Participant("p1", "Host (renamed)", null, null, false, true))));
                writer.participantsChanged(
                        bot,
                        new RosterChange(
                                3, List.of(new Participant("p4", "Later", null, null, false, false)), Map.of()));
            }
        }
        var lists = harness.jdbi().withHandle(h -> new BotHistoryRepository().participants(h, bots));
        for (UUID bot : bots) {
            assertThat(lists.get(bot))
                    .extracting(Participant::displayName)
                    .containsExactly("Host (renamed)", "Guest", "Late", "Later");
        }
    }
}
