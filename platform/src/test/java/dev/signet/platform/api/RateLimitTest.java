package dev.signet.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.signet.platform.ApiClient;
import dev.signet.platform.ApiClient.Response;
import dev.signet.platform.ApiHarness;
import dev.signet.platform.TestDatabase;
import dev.signet.platform.webhook.WebhookSettings;
import dev.signet.testkit.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Per-API-key rate limits: a token bucket per key, 429 {@code throttled} with {@code Retry-After}. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RateLimitTest {
    @TempDir
    Path dir;

    final MutableClock clock = MutableClock.fixed();
    TestDatabase database;
    ApiHarness harness;

    @BeforeEach
    void up() {
        database = TestDatabase.h2(dir);
        harness = ApiHarness.start(
                database.jdbcUrl(),
                clock,
                WebhookSettings.none(),
                false,
                ApiSettings.DEFAULTS.withRateLimit(new RateLimit(0.5, 2)));
    }

    @AfterEach
    void down() {
        harness.close();
        database.close();
    }

    @Test
    void overTheBurst_returns429WithRetryAfter_untilTokensRefill() {
        ApiClient api = harness.client();
        assertThat(api.get("/api/v1/bot/").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/bot/").status()).isEqualTo(200);

        Response throttled = api.get("/api/v1/bot/");

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.json().get("code").asText()).isEqualTo("throttled");
        assertThat(throttled.header("Retry-After")).isEqualTo("2");
        clock.advance(Duration.ofSeconds(1));
        assertThat(api.get("/api/v1/bot/").status()).isEqualTo(429);
        assertThat(api.get("/api/v1/bot/").header("Retry-After")).isEqualTo("1");
        clock.advance(Duration.ofSeconds(1));
        assertThat(api.get("/api/v1/bot/").status()).isEqualTo(200);
    }

    @Test
    void eachKeyHasItsOwnBucket_andUnauthenticatedPathsAreNotLimited() {
        ApiClient first = harness.client();
        ApiClient second = first.withAuthorization("Token test-key-2");
        first.get("/api/v1/bot/");
        first.get("/api/v1/bot/");
        assertThat(first.get("/api/v1/bot/").status()).isEqualTo(429);

        assertThat(second.get("/api/v1/bot/").status()).isEqualTo(200);
        ApiClient anonymous = first.withAuthorization(null);
        for (int i = 0; i < 5; i++) {
            assertThat(anonymous.get("/healthz").status()).isEqualTo(200);
            assertThat(anonymous.get("/api/openapi.json").status()).isEqualTo(200);
        }
    }

    @Test
    void throttledPost_isNotStoredUnderItsIdempotencyKey() {
        ApiClient api = harness.client();
        api.get("/api/v1/bot/");
        api.get("/api/v1/bot/");
        String body = "{\"meeting_url\":\"https://zoom.us/j/85412345678\"}";

        Response throttled = api.send("POST", "/api/v1/bot/", body, java.util.Map.of("Idempotency-Key", "k1"));
        clock.advance(Duration.ofSeconds(2));
        Response created = api.send("POST", "/api/v1/bot/", body, java.util.Map.of("Idempotency-Key", "k1"));

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(created.status()).isEqualTo(201);
    }

    @Test
    void parse_readsRateAndBurst() {
        assertThat(RateLimit.parse("100")).isEqualTo(new RateLimit(100, 100));
        assertThat(RateLimit.parse("0.5")).isEqualTo(new RateLimit(0.5, 1));
        assertThat(RateLimit.parse(" 50 : 200 ")).isEqualTo(new RateLimit(50, 200));
        assertThatThrownBy(() -> RateLimit.parse("fast")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RateLimit.parse("0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RateLimit.parse("10:0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RateLimit.parse("1:2:3")).isInstanceOf(IllegalArgumentException.class);
    }
}
