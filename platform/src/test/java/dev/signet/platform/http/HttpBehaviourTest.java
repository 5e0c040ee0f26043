package dev.signet.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.platform.ApiClient;
import dev.signet.platform.ApiClient.Response;
import dev.signet.platform.ApiHarness;
import dev.signet.platform.TestDatabase;
import dev.signet.testkit.MutableClock;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Authentication, JSON errors for every failure, and the operational endpoints. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HttpBehaviourTest {
    static final String BODY = "{\"meeting_url\":\"https://zoom.us/j/85412345678\"}";

    @TempDir
    Path dir;

    TestDatabase database;
    ApiHarness harness;

    @BeforeEach
    void up() {
        database = TestDatabase.h2(dir);
        harness = ApiHarness.start(database.jdbcUrl(), MutableClock.fixed());
    }

    @AfterEach
    void down() {
        harness.close();
        database.close();
    }

    ApiClient as(@Nullable String authorization) {
        return harness.client().withAuthorization(authorization);
    }

    @Test
    void api_withoutOrWithWrongKey_returns401() {
        for (String header : new String[] {null, "", "Token", "Token wrong", "Bearer " + ApiHarness.KEY, "wrong"}) {
            Response response = as(header).get("/api/v1/bot/");
            assertThat(response.status()).as("Authorization: %s", header).isEqualTo(401);
            assertThat(response.json().get("code").asText()).isEqualTo("authentication_failed");
        }
        assertThat(as(null).post("/api/v1/bot/", BODY).status()).isEqualTo(401);
        assertThat(as(null).post("/api/v1/webhook-deliveries/x/replay/", null).status())
                .isEqualTo(401);
    }

    @Test
    void api_withTokenPrefixBareKeyOrSecondKey_isAccepted() {
        assertThat(as("Token " + ApiHarness.KEY).get("/api/v1/bot/").status()).isEqualTo(200);
        assertThat(as("token " + ApiHarness.KEY).get("/api/v1/bot/").status()).isEqualTo(200);
        assertThat(as(ApiHarness.KEY).get("/api/v1/bot/").status()).isEqualTo(200);
        assertThat(as("Token test-key-2").post("/api/v1/bot/", BODY).status()).isEqualTo(201);
    }

    @Test
    void unknownPathAndWrongMethod_answerJson() {
        Response missing = harness.client().get("/api/v1/nothing-here/");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("code").asText()).isEqualTo("not_found");

        Response wrongMethod = harness.client().send("PUT", "/api/v1/bot/", BODY);
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.json().get("code").asText()).isEqualTo("method_not_allowed");
    }

    @Test
    void healthReadyAndMetrics_needNoKey() {
        ApiClient anonymous = as(null);
        harness.client().post("/api/v1/bot/", BODY);

        assertThat(anonymous.get("/healthz").status()).isEqualTo(200);
        assertThat(anonymous.get("/readyz").status()).isEqualTo(200);
        Response metrics = anonymous.get("/metrics");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("signet_bots{status=\"ready\"} 1.0");
        assertThat(metrics.body()).contains("signet_webhook_deliveries{state=\"failed\"} 0.0");
    }

    @Test
    void databaseGone_readyzIs503AndRequestsAre500WithAnErrorId() throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl());
                Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        }

        assertThat(as(null).get("/readyz").status()).isEqualTo(503);
        assertThat(as(null).get("/healthz").status()).isEqualTo(200);
        Response response = harness.client().post("/api/v1/bot/", BODY);
        assertThat(response.status()).isEqualTo(500);
        assertThat(response.json().get("code").asText()).isEqualTo("internal_error");
        assertThat(response.json().get("error_id").asText()).matches("[0-9a-f]{16}");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at dev.signet");
    }
}
