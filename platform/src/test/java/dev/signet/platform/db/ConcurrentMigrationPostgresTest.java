package dev.signet.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.platform.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Nodes starting at once on an empty PostgreSQL schema (a fresh Kubernetes rollout): every node opens the database,
 * and each migration is applied exactly once (Flyway serialises on PostgreSQL's advisory lock).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ConcurrentMigrationPostgresTest {
    @Test
    void fourNodesOpeningAnEmptySchemaAtOnce_runEachMigrationOnce() throws Exception {
        try (TestDatabase schema = TestDatabase.postgres("migrate_once")) {
            int nodes = 4;
            CountDownLatch start = new CountDownLatch(1);
            List<Database> opened = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(nodes)) {
                List<Future<Database>> futures = new ArrayList<>();
                for (int i = 0; i < nodes; i++) {
                    futures.add(pool.submit(() -> {
                        start.await();
                        return Database.open(schema.jdbcUrl(), 2);
                    }));
                }
                start.countDown();
                for (Future<Database> f : futures) {
                    opened.add(f.get(90, TimeUnit.SECONDS));
                }
            }
            try {
                Map<String, Long> applied = opened.get(0)
                        .jdbi()
                        .withHandle(h -> h.createQuery("SELECT version, COUNT(*) FROM flyway_schema_history"
                                        + " WHERE version IS NOT NULL GROUP BY version")
                                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                                .collectToMap(Map.Entry::getKey, Map.Entry::getValue));
                assertThat(applied).containsKeys("1", "2", "22", "40");
                assertThat(applied)
                        .allSatisfy((version, count) -> assertThat(count)
                                .as("applications of V%s", version)
                                .isEqualTo(1L));
                for (Database database : opened) {
                    long bots = database.jdbi()
                            .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM bots")
                                    .mapTo(Long.class)
                                    .one());
                    assertThat(bots).isZero();
                }
            } finally {
                opened.forEach(Database::close);
            }
        }
    }
}
