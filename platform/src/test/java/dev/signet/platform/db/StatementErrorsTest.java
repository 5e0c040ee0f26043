package dev.signet.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.signet.platform.TestDatabase;
import java.nio.file.Path;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jdbi.v3.core.statement.StatementException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A failed statement's message, which the platform logs, names the statement but none of its bound values: not the
 * bot's name, its meeting passcode or its metadata (Jdbi's default message carries them all, and PostgreSQL's error
 * detail the whole failing row).
 */
class StatementErrorsTest {
    @TempDir
    static Path dir;

    static Stream<Function<Path, TestDatabase>> databases() {
        return Stream.of(TestDatabase::h2, d -> TestDatabase.postgres("stmterrors"));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aFailedInsert_isDescribedWithoutItsValues(Function<Path, TestDatabase> kind) {
        try (TestDatabase schema = kind.apply(dir);
                Database database = Database.open(schema.jdbcUrl(), 2)) {
            UUID id = UUID.randomUUID();
            String insert = """
                    INSERT INTO bots (id, bot_name, meeting_id, meeting_password, metadata, automatic_leave, zoom,
                        status, dispatched, created_at, updated_at)
                    VALUES (:id, :name, :meeting, :passcode, :metadata, '{}', '{}', 'ready', FALSE,
                        CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""";
            database.jdbi()
                    .useHandle(h -> h.createUpdate(insert)
                            .bind("id", id)
                            .bind("name", "name-SECRET-1")
                            .bind("meeting", "85412345678")
                            .bind("passcode", "passcode-SECRET-2")
                            .bind("metadata", "{\"customer\":\"SECRET-3\"}")
                            .execute());

            // The same id again (a key violation), and a missing meeting number (a NOT NULL violation).
            for (String meeting : new String[] {"85412345678", null}) {
                StatementException failure = catchThrowableOfType(
                        StatementException.class,
                        () -> database.jdbi()
                                .useHandle(h -> h.createUpdate(insert)
                                        .bind("id", meeting == null ? UUID.randomUUID() : id)
                                        .bind("name", "name-SECRET-1")
                                        .bind("meeting", meeting)
                                        .bind("passcode", "passcode-SECRET-2")
                                        .bind("metadata", "{\"customer\":\"SECRET-3\"}")
                                        .execute()));

                assertThat(failure.getMessage())
                        .as(schema.kind())
                        .contains("[statement: INSERT INTO bots (id, bot_name")
                        .doesNotContain("SECRET");
            }
        }
    }
}
