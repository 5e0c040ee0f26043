package dev.signet.platform.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.platform.ApiHarness;
import dev.signet.platform.TestDatabase;
import dev.signet.platform.crypto.SecretBox;
import dev.signet.platform.db.Database;
import dev.signet.platform.http.JsonCodec;
import dev.signet.secrets.Secret;
import dev.signet.webhooks.WebhookSecret;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

/** Several nodes claiming from one outbox on PostgreSQL: batched claims never hand one row to two of them. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WebhookClaimPostgresTest {
    static final URI ENDPOINT = URI.create("http://127.0.0.1:9/hook?token=node-secret");

    TestDatabase database;
    final List<Database> pools = new ArrayList<>();

    @BeforeAll
    void open() {
        database = TestDatabase.postgres("webhookclaims");
    }

    @AfterAll
    void close() {
        pools.forEach(Database::close);
        database.close();
    }

    Database pool() {
        Database db = Database.open(database.jdbcUrl(), 4);
        pools.add(db);
        return db;
    }

    @Test
    void concurrentClaimsFromFourNodes_takeEveryDueRowExactlyOnce() throws Exception {
        Clock clock = Clock.systemUTC();
        SecureRandom random = new SecureRandom();
        WebhookSettings settings = new WebhookSettings(
                List.of(ENDPOINT),
                WebhookSecret.generate(random),
                WebhookSettings.DEFAULT_BACKOFF,
                Duration.ofSeconds(5),
                Duration.ofSeconds(1));
        Database writer = pool();
        WebhookOutbox outbox = new WebhookOutbox(
                settings, SecretBox.of(ApiHarness.ENCRYPTION_KEY, random), new JsonCodec(), clock, random, () -> {});
        UUID bot = UUID.randomUUID();
        writer.jdbi().useTransaction(h -> {
            for (int i = 0; i < 1_000; i++) {
                outbox.enqueue(h, bot, "bot.joining_call", Map.of("n", i));
            }
        });
        String endpoint = WebhookRoutes.redactQuery(ENDPOINT.toString());
        Instant now = clock.instant().plusSeconds(1);
        Instant lease = now.plus(settings.lease());

        ExecutorService nodes = Executors.newFixedThreadPool(4);
        List<Future<List<String>>> results = new ArrayList<>();
        for (int n = 0; n < 4; n++) {
            WebhookRepository repository = new WebhookRepository(pool().jdbi());
            String node = "node-" + n;
            Callable<List<String>> claimAll = () -> {
                List<String> mine = new ArrayList<>();
                while (true) {
                    List<Claimed> batch = repository.claim(endpoint, now, lease, node, 25);
                    if (batch.isEmpty()) {
                        return mine;
                    }
                    batch.forEach(c -> mine.add(c.delivery().id()));
                }
            };
            results.add(nodes.submit(claimAll));
        }
        List<String> all = new ArrayList<>();
        int nodesThatClaimed = 0;
        for (Future<List<String>> f : results) {
            List<String> mine = f.get(50, TimeUnit.SECONDS);
            all.addAll(mine);
            nodesThatClaimed += mine.isEmpty() ? 0 : 1;
        }
        nodes.shutdown();

        assertThat(all).hasSize(1_000).doesNotHaveDuplicates();
        assertThat(nodesThatClaimed).isGreaterThan(1);
        // Every claimed row carries its claim and its lease; only that claim may record it.
        WebhookRepository repository = new WebhookRepository(writer.jdbi());
        Claimed any = repository
                .claim(endpoint, lease.plusSeconds(1), lease.plusSeconds(60), "late", 1)
                .getFirst();
        int stale = repository.record(
                List.of(new Outcome(any.delivery().id(), "node-0", DeliveryStatus.DELIVERED, 1, now, null, now)));
        int held = repository.record(
                List.of(new Outcome(any.delivery().id(), "late", DeliveryStatus.DELIVERED, 1, now, null, now)));
        assertThat(stale).isZero();
        assertThat(held).isEqualTo(1);
        String sealed = Objects.requireNonNull(any.endpointSealed());
        assertThat(sealed).doesNotContain("node-secret");
        assertThat(SecretBox.of(ApiHarness.ENCRYPTION_KEY, random)
                        .open(
                                sealed,
                                WebhookOutbox.ENDPOINT_SEALED.at(any.delivery().id())))
                .extracting(Secret::reveal)
                .isEqualTo(ENDPOINT.toString());
    }
}
