package dev.signet.platform.bot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.platform.PreparedPlans;
import dev.signet.platform.TestDatabase;
import dev.signet.platform.db.Database;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The status writer's statements, prepared while the tables were empty, still reach their rows by key once the tables
 * have grown (decision 0011, fourth update of 2026-12-04). The driver prepares a statement on a connection after five
 * uses and PostgreSQL then keeps one generic plan; planned on empty tables, where every index costs the same, the
 * status update's plan walked {@code bots_owner_node}, every bot of the node, for each update. Each statement is
 * prepared on a pooled connection of a fresh schema and run ten times on empty tables, as on a new deployment or at
 * the start of a burst; then 5,000 bots of one node go in, with a participant and a status change each, and the prepared statement must
 * use its key.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PreparedPlanPostgresTest {
    static final String NOW = "TIMESTAMP WITH TIME ZONE '2026-06-01 00:00:00+00'";
    static final String BOT = "'00000000-0000-0000-0000-000000000001'";

    /** A repository's statement, arguments to run it with (in parameter order), and the index its plan must use. */
    record Statement(String sql, String arguments, String index) {}

    TestDatabase schema;
    Database database;
    Handle handle;

    static Map<String, Statement> statements() {
        Map<String, Statement> s = new LinkedHashMap<>();
        s.put(
                "status change, fenced by owner",
                new Statement(
                        BotRepository.UPDATE_STATUS_IF_HELD,
                        "'in_call_recording', " + NOW + ", " + BOT + ", 'node-a'",
                        "bots_pkey"));
        s.put(
                "held bots among a batch's",
                new Statement(
                        BotRepository.HELD_AMONG.replace("<ids>", ":a, :b"),
                        BOT + ", gen_random_uuid(), 'node-a'",
                        "bots_pkey"));
        s.put(
                "a bot's participant list removed",
                new Statement(BotHistoryRepository.DELETE_PARTICIPANTS, BOT, "bot_participants_pkey"));
        s.put(
                "a bot's participants read (the bot API, a page bot by bot)",
                new Statement(BotHistoryRepository.PARTICIPANTS_OF_BOT, BOT, "bot_participants_pkey"));
        s.put(
                "a bot's status changes read (the bot API, a page bot by bot)",
                new Statement(BotHistoryRepository.STATUS_CHANGES_OF_BOT, BOT, "bot_status_changes_bot"));
        return s;
    }

    static List<String> names() {
        return List.copyOf(statements().keySet());
    }

    @BeforeAll
    void prepareOnEmptyTablesThenGrow() {
        schema = TestDatabase.postgres("preparedplans");
        database = Database.open(schema.jdbcUrl(), 2);
        handle = database.jdbi().open();
        statements().forEach((name, s) -> PreparedPlans.prepareAndRun(handle, key(name), s.sql(), s.arguments()));
        handle.execute("""
                INSERT INTO bots (id, bot_name, meeting_id, metadata, automatic_leave, zoom, status, dispatched,
                    owner_node, created_at, updated_at)
                SELECT gen_random_uuid(), 'b', '8541234' || (g % 400), '{}', '{}', '{}', 'in_call_recording', TRUE,
                    'node-a', $NOW, $NOW
                FROM generate_series(1, 5000) g""".replace("$NOW", NOW));
        handle.execute("""
                INSERT INTO bot_participants (bot_id, seq_no, participant_id, display_name, signed_in, is_host)
                SELECT id, 1, 'p', 'Participant', FALSE, FALSE FROM bots""");
        handle.execute("""
                INSERT INTO bot_status_changes (bot_id, code, created_at)
                SELECT id, 'in_call_recording', $NOW FROM bots""".replace("$NOW", NOW));
    }

    private static String key(String name) {
        return "p" + names().indexOf(name);
    }

    @AfterAll
    void close() {
        if (handle != null) {
            handle.close();
        }
        if (database != null) {
            database.close();
        }
        if (schema != null) {
            schema.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void statementPreparedOnEmptyTables_usesItsKeyOnceTheyHaveGrown(String name) {
        Statement s = Objects.requireNonNull(statements().get(name));
        String plan = PreparedPlans.explain(handle, key(name), s.arguments());
        assertThat(plan).as(name + ":\n" + plan).contains(s.index()).doesNotContain("Seq Scan");
    }
}
