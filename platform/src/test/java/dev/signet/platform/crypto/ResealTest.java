package dev.signet.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.platform.TestDatabase;
import dev.signet.platform.db.Database;
import dev.signet.secrets.Secret;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code signet platform reseal}'s work on H2 and PostgreSQL, over more than one page of rows. */
class ResealTest {
    @TempDir
    static Path dir;

    static final List<AutoCloseable> opened = new ArrayList<>();
    static final Map<String, Database> databases = new java.util.LinkedHashMap<>();

    final SecureRandom random = new SecureRandom();
    final Secret oldKey = SecretBox.generateKey(random);
    final Secret newKey = SecretBox.generateKey(random);
    final SealedColumn probe = new SealedColumn("reseal_probe", "id", "secret");

    @BeforeAll
    static void up() {
        TestDatabase h2 = TestDatabase.h2(dir);
        databases.put("h2", open(h2));
        try {
            TestDatabase pg = TestDatabase.postgres("reseal");
            databases.put("postgres", open(pg));
        } catch (org.opentest4j.TestAbortedException e) {
            // PostgreSQL absent: the H2 case still runs
        }
    }

    private static Database open(TestDatabase db) {
        opened.add(db);
        Database database = Database.open(db.jdbcUrl(), 4);
        opened.add(database);
        return database;
    }

    @AfterAll
    static void down() throws Exception {
        for (AutoCloseable c : opened.reversed()) {
            c.close();
        }
    }

    static Stream<String> kinds() {
        return databases.keySet().stream();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void reseal_bringsEveryValueUnderTheFirstKeyBoundToItsRow_andLeavesWhatItCannotOpen(String kind) {
        Jdbi jdbi = Objects.requireNonNull(databases.get(kind)).jdbi();
        jdbi.useHandle(h -> {
            h.execute("DROP TABLE IF EXISTS reseal_probe");
            h.execute("CREATE TABLE reseal_probe (id UUID PRIMARY KEY, secret VARCHAR(1000))");
        });
        SecretBox old = SecretBox.of(oldKey, random);
        SecretBox rotated = SecretBox.of(Secret.of(newKey.reveal() + "," + oldKey.reveal()), random);
        SecretBox stranger = SecretBox.of(SecretBox.generateKey(random), random);
        List<UUID> ids = new ArrayList<>();
        UUID unopenable = UUID.randomUUID();
        jdbi.useHandle(h -> {
            var batch = h.prepareBatch("INSERT INTO reseal_probe (id, secret) VALUES (:id, :secret)");
            for (int i = 0; i < 600; i++) {
                UUID id = UUID.randomUUID();
                ids.add(id);
                Secret plain = Secret.of("https://t.example/zak?token=" + i);
                String sealed = switch (i % 3) {
                    case 0 -> SecretBoxTest.sealV1(oldKey, plain.reveal());
                    case 1 -> old.seal(plain, probe.at(id));
                    default -> rotated.seal(plain, probe.at(id));
                };
                batch.bind("id", id).bind("secret", sealed).add();
            }
            batch.bind("id", unopenable)
                    .bind("secret", stranger.seal(Secret.of("x"), probe.at(unopenable)))
                    .add();
            batch.execute();
            h.createUpdate("INSERT INTO reseal_probe (id, secret) VALUES (:id, NULL)")
                    .bind("id", UUID.randomUUID())
                    .execute();
        });

        Reseal.Result first = Reseal.run(jdbi, rotated, List.of(probe));
        Reseal.Result second = Reseal.run(jdbi, rotated, List.of(probe));

        assertThat(first.resealed()).isEqualTo(400); // 200 of the first format + 200 under the old key
        assertThat(first.current()).isEqualTo(200);
        assertThat(first.unopenable()).containsExactly("reseal_probe.secret " + unopenable);
        assertThat(second.resealed()).isZero();
        assertThat(second.current()).isEqualTo(600);
        SecretBox newOnly = SecretBox.of(newKey, random);
        Map<UUID, String> stored = jdbi.withHandle(h -> h.createQuery("SELECT id, secret FROM reseal_probe")
                .map((rs, ctx) -> Map.entry(rs.getObject("id", UUID.class), String.valueOf(rs.getString("secret"))))
                .collectToMap(Map.Entry::getKey, Map.Entry::getValue));
        for (int i = 0; i < ids.size(); i++) {
            UUID id = ids.get(i);
            assertThat(newOnly.open(Objects.requireNonNull(stored.get(id)), probe.at(id))
                            .reveal())
                    .isEqualTo("https://t.example/zak?token=" + i);
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void sealedColumns_allExistInTheMigratedSchema(String kind) {
        Jdbi jdbi = Objects.requireNonNull(databases.get(kind)).jdbi();
        for (SealedColumn c : SealedColumns.ALL) {
            jdbi.useHandle(h -> h.createQuery(
                            "SELECT " + c.keyColumn() + ", " + c.column() + " FROM " + c.table() + " WHERE 1 = 0")
                    .mapToMap()
                    .list());
        }
    }
}
