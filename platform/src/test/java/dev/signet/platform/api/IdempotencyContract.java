package dev.signet.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signet.platform.ApiClient;
import dev.signet.platform.ApiClient.Response;
import dev.signet.platform.ApiHarness;
import dev.signet.platform.TestDatabase;
import dev.signet.platform.webhook.WebhookSettings;
import dev.signet.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/** {@code Idempotency-Key} over HTTP on a real database; run once on H2 and once on PostgreSQL. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
abstract class IdempotencyContract {
    static final String SECRET = "s3cr3t-query-value";
    static final String BODY = "{\"meeting_url\":\"https://zoom.us/j/85412345678\",\"zoom\":{\"zak_url\":"
            + "\"https://tokens.example.com/zak?token=" + SECRET + "\"}}";

    static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
    final MutableClock clock = MutableClock.at(START);
    TestDatabase database;
    ApiHarness harness;
    ApiClient api;

    abstract TestDatabase openDatabase();

    @BeforeAll
    void up() {
        database = openDatabase();
        harness = ApiHarness.start(database.jdbcUrl(), clock, WebhookSettings.none(), false, ApiSettings.DEFAULTS);
        api = harness.client();
    }

    @AfterAll
    void down() {
        if (harness != null) {
            harness.close();
        }
        if (database != null) {
            database.close();
        }
    }

    Response post(String key, String body) {
        return api.send("POST", "/api/v1/bot/", body, Map.of("Idempotency-Key", key));
    }

    int keyCount() {
        return harness.jdbi()
                .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM idempotency_keys")
                        .mapTo(Integer.class)
                        .one());
    }

    int botCount() {
        return harness.jdbi()
                .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM bots")
                        .mapTo(Integer.class)
                        .one());
    }

    @Test
    void sameKeyAndBody_answersTheFirstAnswerAgainAndCreatesOneBot() {
        String key = UUID.randomUUID().toString();
        int before = botCount();

        Response first = post(key, BODY);
        Response again = post(key, BODY);
        Response withoutSlash = api.send("POST", "/api/v1/bot", BODY, Map.of("Idempotency-Key", key));

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(withoutSlash.body()).isEqualTo(first.body());
        assertThat(botCount()).isEqualTo(before + 1);
    }

    @Test
    void withoutKey_everyPostCreates() {
        int before = botCount();
        api.post("/api/v1/bot/", BODY);
        api.post("/api/v1/bot/", BODY);
        assertThat(botCount()).isEqualTo(before + 2);
    }

    @Test
    void sameKeyOtherBody_returns422AndCreatesNothing() {
        String key = UUID.randomUUID().toString();
        post(key, BODY);
        int before = botCount();

        Response other = post(key, BODY.replace("85412345678", "85412345679"));
        Response otherPath =
                api.send("PATCH", "/api/v1/bot/" + UUID.randomUUID() + "/", BODY, Map.of("Idempotency-Key", key));

        assertThat(other.status()).isEqualTo(422);
        assertThat(other.json().get("code").asText()).isEqualTo("idempotency_key_reused");
        assertThat(otherPath.status()).isEqualTo(422);
        assertThat(botCount()).isEqualTo(before);
    }

    @Test
    void sameKeyWithAnotherApiKey_isAnotherKey() {
        String key = UUID.randomUUID().toString();
        Response mine = post(key, BODY);
        Response theirs = api.withAuthorization("Token test-key-2")
                .send("POST", "/api/v1/bot/", BODY, Map.of("Idempotency-Key", key));

        assertThat(theirs.status()).isEqualTo(201);
        assertThat(theirs.header("Idempotent-Replayed")).isNull();
        assertThat(theirs.json().get("id").asText())
                .isNotEqualTo(mine.json().get("id").asText());
    }

    @Test
    void firstRequestInFlight_returns409WithRetryAfter() throws Exception {
        String key = UUID.randomUUID().toString();
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        harness.control().onWake(() -> {
            entered.countDown();
            await(release);
        });
        Thread first = Thread.ofVirtual().start(() -> post(key, BODY));
        try {
            assertThat(entered.await(20, TimeUnit.SECONDS)).isTrue();

            Response during = post(key, BODY);

            assertThat(during.status()).isEqualTo(409);
            assertThat(during.json().get("code").asText()).isEqualTo("idempotency_key_in_flight");
            assertThat(during.header("Retry-After")).isEqualTo("1");
        } finally {
            harness.control().onWake(() -> {});
            release.countDown();
            first.join();
        }
        assertThat(post(key, BODY).header("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void concurrentFirstRequests_exactlyOneRuns() throws Exception {
        String key = UUID.randomUUID().toString();
        int before = botCount();
        List<Thread> threads = new ArrayList<>();
        List<Integer> statuses = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 8; i++) {
            threads.add(
                    Thread.ofVirtual().start(() -> statuses.add(post(key, BODY).status())));
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(statuses).hasSize(8).allMatch(s -> s == 201 || s == 409).contains(201);
        assertThat(botCount()).isEqualTo(before + 1);
    }

    @Test
    void errorAnswers_areReplayedToo() {
        String key = UUID.randomUUID().toString();
        String bad = "{\"meeting_url\":\"https://example.com/j/1\"}";

        Response first = post(key, bad);
        Response again = post(key, bad);

        assertThat(first.status()).isEqualTo(400);
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void patch_honoursTheKey() {
        JsonNode bot = post(UUID.randomUUID().toString(), BODY).json();
        String path = "/api/v1/bot/" + bot.get("id").asText() + "/";
        String key = UUID.randomUUID().toString();

        Response first = api.send("PATCH", path, "{\"bot_name\":\"Once\"}", Map.of("Idempotency-Key", key));
        api.patch(path, "{\"bot_name\":\"Changed since\"}");
        Response again = api.send("PATCH", path, "{\"bot_name\":\"Once\"}", Map.of("Idempotency-Key", key));

        assertThat(first.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.json().get("bot_name").asText()).isEqualTo("Once");
    }

    @Test
    void storedRows_holdHashesAndTheRedactedAnswerOnly() {
        String key = "secret-bearing-key-" + UUID.randomUUID();
        post(key, BODY);

        String rows = harness.jdbi()
                .withHandle(h -> h.createQuery("SELECT * FROM idempotency_keys")
                        .mapToMap()
                        .list()
                        .toString());

        assertThat(rows).doesNotContain(SECRET).doesNotContain(key).contains("token=REDACTED");
    }

    @Test
    void afterTheKeysLife_theKeyRunsAgainAndExpiredKeysAreSwept() {
        String key = UUID.randomUUID().toString();
        Response first = post(key, BODY);
        clock.advance(Duration.ofHours(24).plusSeconds(1));
        try {
            Response later = post(key, BODY);
            assertThat(later.status()).isEqualTo(201);
            assertThat(later.header("Idempotent-Replayed")).isNull();
            assertThat(later.json().get("id").asText())
                    .isNotEqualTo(first.json().get("id").asText());

            String stale = UUID.randomUUID().toString();
            post(stale, BODY);
            clock.advance(Duration.ofHours(25));
            assertThat(harness.guards().sweepExpired()).isPositive();
            assertThat(keyCount()).isZero();
        } finally {
            clock.set(START);
        }
    }

    @Test
    void badKey_returns400NamingTheHeader() {
        Response response = post("x".repeat(256), BODY);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().has("Idempotency-Key")).isTrue();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
