package dev.signet.platform.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.signet.platform.TestDatabase;
import dev.signet.platform.db.Database;
import dev.signet.testkit.TcpProxy;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The write path over PostgreSQL, also through a database that goes away: a TCP proxy between the pool and the
 * server drops every connection and refuses new ones (as a restarting server does), then comes back.
 */
class StatusWriterPostgresTest extends StatusWriterContract {
    @Override
    TestDatabase openDatabase() {
        return TestDatabase.postgres("status_writer");
    }

    private static String through(TcpProxy proxy, String jdbcUrl) {
        String proxied = jdbcUrl.replace("127.0.0.1:5432/", "127.0.0.1:" + proxy.port() + "/");
        assertThat(proxied).as("the test database URL goes through the proxy").isNotEqualTo(jdbcUrl);
        return proxied;
    }

    @Test
    void databaseGoesAwayMidRun_botsWaitAndResume_noChangeOrWebhookLost() throws Exception {
        List<UUID> bots = createBots(30);
        AtomicInteger done = new AtomicInteger();
        try (TcpProxy proxy = new TcpProxy(5432);
                Database db = Database.open(through(proxy, database.jdbcUrl()), 4, Duration.ofSeconds(2));
                StatusWriter writer = writer(db, 1024);
                ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            proxy.cut();
            List<Future<?>> futures = writeAll(pool, writer, bots, done);
            await().atMost(Duration.ofSeconds(30)).until(() -> retries() >= 3);
            assertThat(done.get())
                    .as("nothing commits while the database is away")
                    .isZero();

            proxy.restore();

            for (Future<?> future : futures) {
                future.get(60, TimeUnit.SECONDS); // no write threw: no bot would have turned fatal
            }
        }
        assertThat(done.get()).isEqualTo(bots.size() * CODES.size());
        assertEveryChangeArrivedInOrder(bots);
    }

    @Test
    void connectionsDropDuringWrites_theBatchIsRetriedAndNothingIsWrittenTwice() throws Exception {
        List<UUID> bots = createBots(30);
        AtomicInteger done = new AtomicInteger();
        try (TcpProxy proxy = new TcpProxy(5432);
                Database db = Database.open(through(proxy, database.jdbcUrl()), 4, Duration.ofSeconds(2));
                StatusWriter writer = writer(db, 1024);
                ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> futures = writeAll(pool, writer, bots, done);
            // Cut while the writes flow, then restore: a transaction cut mid-way rolls back and is retried whole.
            await().atMost(Duration.ofSeconds(30)).until(() -> done.get() > 0);
            proxy.cut();
            await().atMost(Duration.ofSeconds(30)).until(() -> retries() >= 1);
            proxy.restore();
            for (Future<?> future : futures) {
                future.get(60, TimeUnit.SECONDS);
            }
        }
        assertEveryChangeArrivedInOrder(bots);
    }

    @Test
    void fullQueue_writersWaitToEnqueue_nothingIsDropped() throws Exception {
        List<UUID> bots = createBots(20);
        AtomicInteger done = new AtomicInteger();
        try (TcpProxy proxy = new TcpProxy(5432);
                Database db = Database.open(through(proxy, database.jdbcUrl()), 2, Duration.ofSeconds(2));
                StatusWriter writer = writer(db, 4, 1); // one lane: its queue alone holds the 4
                ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            proxy.cut();
            List<Future<?>> futures = writeAll(pool, writer, bots, done);
            // The writer holds one batch (at most 4 taken from the queue) and the queue holds 4 more: the rest wait.
            await().atMost(Duration.ofSeconds(30))
                    .until(() ->
                            meters.get("signet.store.pending.writes").gauge().value() >= 4);
            assertThat(done.get()).isZero();
            assertThat(futures).allSatisfy(f -> assertThat(f.isDone()).isFalse());

            proxy.restore();

            for (Future<?> future : futures) {
                future.get(60, TimeUnit.SECONDS);
            }
        }
        assertThat(done.get()).isEqualTo(bots.size() * CODES.size());
        assertEveryChangeArrivedInOrder(bots);
    }
}
