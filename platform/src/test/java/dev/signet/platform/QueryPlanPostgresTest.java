package dev.signet.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.platform.db.Database;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every scheduler, claim, list and retention query the platform runs has an index on PostgreSQL: with sequential
 * scans priced out ({@code enable_seqscan = off}), a plan that still scans a table means no index can serve it. Keep
 * this list in step with the repositories ({@code BotRepository}, {@code BotHistoryRepository},
 * {@code WebhookRepository}, {@code Retention}); parameters are written as literals.
 * Excluded: {@code platform_nodes} (one row per node) and the gauges' whole-table counts (read at most every 15 s).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class QueryPlanPostgresTest {
    static final String NOW = "TIMESTAMP WITH TIME ZONE '2026-06-01 00:00:00+00'";
    static final String BOT = "'00000000-0000-0000-0000-000000000001'";

    TestDatabase schema;
    Database database;

    @BeforeAll
    void open() {
        schema = TestDatabase.postgres("queryplans");
        database = Database.open(schema.jdbcUrl(), 2);
        database.jdbi().useHandle(h -> {
            // Enough rows that the statistics are not empty; the assertion does not depend on their number.
            h.execute("""
                    INSERT INTO bots (id, bot_name, meeting_id, metadata, automatic_leave, zoom, status, dispatched,
                        created_at, updated_at, join_at)
                    SELECT gen_random_uuid(), 'b', '8541234' || (g % 1000), '{}', '{}', '{}',
                        CASE WHEN g % 10 = 0 THEN 'ready' ELSE 'done' END, g % 10 <> 0,
                        TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00' + g * INTERVAL '1 minute',
                        TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00' + g * INTERVAL '1 minute', NULL
                    FROM generate_series(1, 5000) g
                    """);
            h.execute("""
                    INSERT INTO webhook_deliveries (id, bot_id, event, endpoint, payload, status, attempts,
                        next_attempt_at, created_at, updated_at)
                    SELECT 'msg_' || g, gen_random_uuid(), 'bot.done', 'https://example.test/hook', '{}',
                        CASE WHEN g % 50 = 0 THEN 'pending' ELSE 'delivered' END, 1,
                        TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00' + g * INTERVAL '1 minute',
                        TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00' + g * INTERVAL '1 minute',
                        TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00' + g * INTERVAL '1 minute'
                    FROM generate_series(1, 5000) g
                    """);
            h.execute("ANALYZE");
        });
    }

    @AfterAll
    void close() {
        if (database != null) {
            database.close();
        }
        if (schema != null) {
            schema.close();
        }
    }

    static Map<String, String> queries() {
        Map<String, String> q = new LinkedHashMap<>();
        // webhook outbox (WebhookRepository)
        q.put("webhook claim: due rows of one endpoint", """
                SELECT * FROM webhook_deliveries
                WHERE status = 'pending' AND endpoint = 'https://example.test/hook' AND next_attempt_at <= $NOW
                ORDER BY next_attempt_at LIMIT 16 FOR UPDATE SKIP LOCKED""".replace("$NOW", NOW));
        q.put("webhook claim: mark claimed", """
                UPDATE webhook_deliveries SET next_attempt_at = $NOW, claim_id = 'c'
                WHERE id IN ('msg_1', 'msg_2')""".replace("$NOW", NOW));
        q.put("webhook endpoints with due rows", """
                SELECT DISTINCT endpoint FROM webhook_deliveries
                WHERE status = 'pending' AND next_attempt_at <= $NOW""".replace("$NOW", NOW));
        q.put(
                "webhook next due",
                "SELECT MIN(next_attempt_at) AS due FROM webhook_deliveries WHERE status = 'pending'");
        q.put("webhook record outcome", """
                UPDATE webhook_deliveries SET status = 'delivered', attempts = 1, next_attempt_at = $NOW,
                    last_error = NULL, updated_at = $NOW, claim_id = NULL
                WHERE id = 'msg_1' AND claim_id = 'c'""".replace("$NOW", NOW));
        q.put(
                "webhook rows to seal",
                "SELECT id, endpoint FROM webhook_deliveries WHERE endpoint_plain = TRUE LIMIT 500");
        q.put(
                "webhook list",
                "SELECT * FROM webhook_deliveries WHERE 1 = 1 ORDER BY created_at DESC, id DESC LIMIT 101");
        q.put("webhook list by status after a cursor", """
                SELECT * FROM webhook_deliveries WHERE 1 = 1 AND status = 'failed'
                AND (created_at < $NOW OR (created_at = $NOW AND id < 'msg_9'))
                ORDER BY created_at DESC, id DESC LIMIT 101""".replace("$NOW", NOW));
        q.put("webhook deliveries of one bot", """
                SELECT * FROM webhook_deliveries WHERE bot_id = $BOT
                ORDER BY created_at DESC, id DESC LIMIT 100""".replace("$BOT", BOT));
        // retention (Retention)
        q.put("retention: finished bots", """
                DELETE FROM bots WHERE id IN (
                    SELECT id FROM bots WHERE status IN ('done', 'fatal') AND updated_at < $NOW
                    ORDER BY updated_at LIMIT 500)""".replace("$NOW", NOW));
        q.put("retention: delivered webhooks", """
                DELETE FROM webhook_deliveries WHERE id IN (
                    SELECT id FROM webhook_deliveries WHERE status = 'delivered' AND updated_at < $NOW
                    ORDER BY updated_at LIMIT 500)""".replace("$NOW", NOW));
        // bots: scheduler and nodes (BotRepository, NodeRepository; decision 0023)
        q.put("claim handed-over bots", """
                SELECT * FROM bots WHERE owner_node IS NULL AND dispatched = TRUE AND status NOT IN ('done', 'fatal')
                ORDER BY created_at, id LIMIT 500 FOR UPDATE SKIP LOCKED""");
        q.put("claim due bots", """
                SELECT * FROM bots WHERE owner_node IS NULL AND dispatched = FALSE AND status = 'ready'
                    AND (join_at IS NULL OR join_at <= $NOW)
                ORDER BY COALESCE(join_at, created_at), id LIMIT 500 FOR UPDATE SKIP LOCKED""".replace("$NOW", NOW));
        q.put("due bots to mark waiting for capacity", """
                SELECT id FROM bots WHERE owner_node IS NULL AND dispatched = FALSE AND status = 'ready'
                    AND capacity_wait = FALSE AND (join_at IS NULL OR join_at <= $NOW)
                ORDER BY COALESCE(join_at, created_at), id LIMIT 500 FOR UPDATE SKIP LOCKED""".replace("$NOW", NOW));
        q.put("bots a node holds", """
                SELECT * FROM bots WHERE owner_node = 'node-a' AND status NOT IN ('done', 'fatal')
                ORDER BY created_at, id""");
        q.put("release a dead node's bots", "UPDATE bots SET owner_node = NULL WHERE owner_node = 'node-dead'");
        q.put("commands for a node", "SELECT * FROM bot_commands WHERE node_id = 'node-a' ORDER BY id");
        q.put("commands of a deleted bot (retention's cascade)", "DELETE FROM bot_commands WHERE bot_id = " + BOT);
        q.put("bots next join_at", """
                SELECT MIN(join_at) AS next_at FROM bots
                WHERE dispatched = FALSE AND status = 'ready' AND join_at > $NOW""".replace("$NOW", NOW));
        q.put("bot by id", "SELECT * FROM bots WHERE id = " + BOT);
        // bots: the list API (BotRepository.list), each filter
        q.put("bots list", "SELECT * FROM bots b WHERE 1 = 1 ORDER BY b.created_at DESC, b.id DESC LIMIT 101");
        q.put("bots list by status", """
                SELECT * FROM bots b WHERE 1 = 1 AND b.status IN ('done')
                ORDER BY b.created_at DESC, b.id DESC LIMIT 101""");
        q.put("bots list by meeting", """
                SELECT * FROM bots b WHERE 1 = 1 AND b.meeting_id = '85412340'
                ORDER BY b.created_at DESC, b.id DESC LIMIT 101""");
        q.put("bots list by metadata", """
                SELECT * FROM bots b WHERE 1 = 1 AND EXISTS (SELECT 1 FROM bot_metadata m WHERE m.bot_id = b.id
                    AND m.meta_key = 'customer' AND m.meta_value = 'acme')
                ORDER BY b.created_at DESC, b.id DESC LIMIT 101""");
        q.put("bots list by join_at", """
                SELECT * FROM bots b WHERE 1 = 1 AND b.join_at > $NOW AND b.join_at < $NOW
                ORDER BY b.created_at DESC, b.id DESC LIMIT 101""".replace("$NOW", NOW));
        // bot history (BotHistoryRepository)
        q.put("status changes of a bot", "SELECT * FROM bot_status_changes WHERE bot_id = " + BOT + " ORDER BY id");
        q.put("participants of a bot", "SELECT * FROM bot_participants WHERE bot_id = " + BOT + " ORDER BY seq_no");
        return q;
    }

    static List<String> names() {
        return List.copyOf(queries().keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void query_usesAnIndex(String name) {
        String sql = queries().get(name);
        String plan = database.jdbi().inTransaction(h -> {
            h.execute("SET LOCAL enable_seqscan = off");
            return String.join(
                    "\n", h.createQuery("EXPLAIN " + sql).mapTo(String.class).list());
        });
        assertThat(plan).as(name + ":\n" + plan).doesNotContain("Seq Scan");
    }
}
