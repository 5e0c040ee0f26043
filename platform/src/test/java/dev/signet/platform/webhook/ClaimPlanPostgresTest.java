package dev.signet.platform.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.platform.PreparedPlans;
import dev.signet.platform.TestDatabase;
import dev.signet.platform.db.Database;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The webhook claim's per-row update, prepared while the outbox was empty, still reaches its row by key once 5,000
 * deliveries are pending (decision 0011, fourth update of 2026-12-04). Planned on the empty table, PostgreSQL's generic
 * plan walked a status index, every pending delivery, for each claimed row.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ClaimPlanPostgresTest {
    static final String NOW = "TIMESTAMP WITH TIME ZONE '2026-06-01 00:00:00+00'";

    @Test
    void claimUpdatePreparedOnAnEmptyOutbox_usesThePrimaryKeyOnceItHasGrown() {
        String arguments = NOW + ", 'c', 'msg_1', " + NOW;
        try (TestDatabase schema = TestDatabase.postgres("claimplan");
                Database database = Database.open(schema.jdbcUrl(), 2);
                Handle h = database.jdbi().open()) {
            PreparedPlans.prepareAndRun(h, "claim_one", WebhookRepository.CLAIM_ONE, arguments);
            h.execute("""
                    INSERT INTO webhook_deliveries (id, bot_id, event, endpoint, payload, status, attempts,
                        next_attempt_at, created_at, updated_at)
                    SELECT 'msg_' || g, gen_random_uuid(), 'bot.status_change', 'http://127.0.0.1:9/hook', '{}',
                        'pending', 0, $NOW, $NOW, $NOW
                    FROM generate_series(1, 5000) g""".replace("$NOW", NOW));

            String plan = PreparedPlans.explain(h, "claim_one", arguments);

            assertThat(plan).as(plan).contains("webhook_deliveries_pkey").doesNotContain("Seq Scan");
        }
    }
}
