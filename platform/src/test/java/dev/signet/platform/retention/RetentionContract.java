package dev.signet.platform.retention;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.platform.ApiHarness;
import dev.signet.platform.TestDatabase;
import dev.signet.platform.db.SqlTime;
import dev.signet.platform.webhook.WebhookSettings;
import dev.signet.webhooks.WebhookSecret;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/** Retention deletes finished bots with their history and delivered webhooks, nothing else; H2 and PostgreSQL. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
abstract class RetentionContract {
    static final String MEETING =
            "{\"meeting_url\":\"https://zoom.us/j/85412345678\",\"metadata\":{\"customer\":\"acme\"}}";

    final Clock clock = Clock.systemUTC();
    TestDatabase database;
    ApiHarness harness;

    abstract TestDatabase openDatabase();

    @BeforeAll
    void openDb() {
        database = openDatabase();
    }

    @AfterAll
    void closeDb() {
        if (database != null) {
            database.close();
        }
    }

    @BeforeEach
    void up() {
        WebhookSettings webhooks = new WebhookSettings(
                List.of(URI.create("http://127.0.0.1:9/hook")),
                WebhookSecret.generate(new SecureRandom()),
                WebhookSettings.DEFAULT_BACKOFF,
                Duration.ofSeconds(1),
                Duration.ofSeconds(1));
        harness = ApiHarness.start(database.jdbcUrl(), clock, webhooks, false);
        harness.jdbi().useHandle(h -> {
            h.execute("DELETE FROM webhook_deliveries");
            h.execute("DELETE FROM bots");
        });
    }

    @AfterEach
    void down() {
        harness.close();
    }

    UUID bot(String status, Instant updatedAt) {
        UUID id = UUID.fromString(
                harness.client().post("/api/v1/bot/", MEETING).json().get("id").asText());
        harness.jdbi().useHandle(h -> {
            h.createUpdate("UPDATE bots SET status = :status, updated_at = :at WHERE id = :id")
                    .bind("status", status)
                    .bind("at", SqlTime.bind(updatedAt))
                    .bind("id", id)
                    .execute();
            h.createUpdate("""
                            INSERT INTO bot_participants (bot_id, seq_no, participant_id, display_name, signed_in,
                                is_host)
                            VALUES (:id, 0, 'p1', 'Host', TRUE, TRUE)
                            """).bind("id", id).execute();
        });
        return id;
    }

    String webhook(UUID botId, String status, Instant updatedAt) {
        harness.jdbi().useTransaction(h -> harness.webhooks().outbox().enqueue(h, botId, "bot.done", Map.of()));
        return harness.jdbi().withHandle(h -> {
            String id = h.createQuery(
                            "SELECT id FROM webhook_deliveries WHERE bot_id = :bot ORDER BY created_at DESC, id LIMIT 1")
                    .bind("bot", botId)
                    .mapTo(String.class)
                    .one();
            h.createUpdate("UPDATE webhook_deliveries SET status = :status, updated_at = :at WHERE id = :id")
                    .bind("status", status)
                    .bind("at", SqlTime.bind(updatedAt))
                    .bind("id", id)
                    .execute();
            return id;
        });
    }

    long count(String table, String column, Object value) {
        return harness.jdbi()
                .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table + " WHERE " + column + " = :v")
                        .bind("v", value)
                        .mapTo(Long.class)
                        .one());
    }

    @Test
    void pass_deletesOnlyFinishedBotsAndDeliveredWebhooksOlderThanTheRetention() throws InterruptedException {
        Instant now = clock.instant();
        Instant old = now.minus(Duration.ofDays(31));
        Instant recent = now.minus(Duration.ofDays(29));
        UUID oldDone = bot("done", old);
        UUID oldFatal = bot("fatal", old);
        UUID recentDone = bot("done", recent);
        UUID oldRunning = bot("in_call_not_recording", old);
        UUID oldCallEnded = bot("call_ended", old);
        String oldDelivered = webhook(oldDone, "delivered", old);
        String oldDelivered2 = webhook(recentDone, "delivered", old);
        String recentDelivered = webhook(oldDone, "delivered", recent);
        String oldPending = webhook(oldDone, "pending", old);
        String oldFailed = webhook(oldDone, "failed", old);

        Retention retention = new Retention(
                harness.jdbi(),
                new RetentionSettings(Duration.ofDays(30), Duration.ofMinutes(5), 1), // one row a statement
                Clock.fixed(now, ZoneOffset.UTC),
                d -> {});
        Retention.Deleted deleted = retention.pass();

        assertThat(deleted).isEqualTo(new Retention.Deleted(2, 2));
        for (UUID gone : List.of(oldDone, oldFatal)) {
            assertThat(count("bots", "id", gone)).isZero();
            assertThat(count("bot_status_changes", "bot_id", gone)).isZero();
            assertThat(count("bot_participants", "bot_id", gone)).isZero();
            assertThat(count("bot_metadata", "bot_id", gone)).isZero();
        }
        for (UUID kept : List.of(recentDone, oldRunning, oldCallEnded)) {
            assertThat(count("bots", "id", kept)).isOne();
            assertThat(count("bot_status_changes", "bot_id", kept)).isPositive();
            assertThat(count("bot_participants", "bot_id", kept)).isOne();
            assertThat(count("bot_metadata", "bot_id", kept)).isOne();
        }
        assertThat(count("webhook_deliveries", "id", oldDelivered)).isZero();
        assertThat(count("webhook_deliveries", "id", oldDelivered2)).isZero();
        for (String kept : List.of(recentDelivered, oldPending, oldFailed)) {
            assertThat(count("webhook_deliveries", "id", kept)).isOne();
        }
        assertThat(harness.client().get("/api/v1/bot/" + oldDone).status()).isEqualTo(404);
        assertThat(harness.client().get("/api/v1/bot/" + recentDone).status()).isEqualTo(200);

        assertThat(retention.pass()).isEqualTo(new Retention.Deleted(0, 0));
    }

    @Test
    void zeroRetention_deletesNothing() throws InterruptedException {
        UUID oldDone = bot("done", clock.instant().minus(Duration.ofDays(3650)));
        Retention retention = new Retention(harness.jdbi(), RetentionSettings.keeping(Duration.ZERO), clock, d -> {});

        assertThat(retention.pass()).isEqualTo(new Retention.Deleted(0, 0));
        assertThat(count("bots", "id", oldDone)).isOne();
    }
}
