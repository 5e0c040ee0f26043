package dev.signet.broker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.testkit.PostgresSchema;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The OBF contract on PostgreSQL, plus two replicas sharing one grant. */
class ObfOnPostgresTest extends ObfContract {
    private static PostgresSchema schema;

    @BeforeAll
    static void createSchema() {
        schema = PostgresSchema.create("broker_obf");
    }

    @AfterAll
    static void dropSchema() {
        if (schema != null) {
            schema.close();
        }
    }

    @Override
    @BeforeEach
    void start() {
        try (var connection = java.sql.DriverManager.getConnection(schema.jdbcUrl());
                var statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS zoom_grants, connect_states, broker_schema_history");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        super.start();
    }

    @Override
    Map<String, String> databaseEnv() {
        return Map.of("SIGNET_BROKER_DATABASE_URL", schema.jdbcUrl(), "SIGNET_BROKER_ENCRYPTION_KEY", Fixture.KEY);
    }

    @Override
    String jdbcUrl() {
        return schema.jdbcUrl();
    }

    @Test
    void twoReplicas_concurrentCallsWithARefreshDue_refreshOnceAcrossBoth() throws Exception {
        broker.connect(ANN.id());
        try (Fixture second = Fixture.start(broker.zoom, withDatabase(Fixture.obfEnv(dir.resolve("second"))))) {
            broker.clock.advance(Duration.ofHours(1));
            second.clock.advance(Duration.ofHours(1));
            CountDownLatch hold = broker.zoom.users.holdRefreshes();
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < 60; i++) {
                    Fixture replica = i % 2 == 0 ? broker : second;
                    answers.add(callers.submit(() -> replica.obf(ANN.id(), MEETING)));
                }
                org.awaitility.Awaitility.await()
                        .atMost(Duration.ofSeconds(20))
                        .until(() -> broker.zoom.users.refreshCalls.get() >= 1);
                hold.countDown();
                for (Future<HttpResponse<String>> answer : answers) {
                    assertThat(answer.get().statusCode())
                            .as(answer.get().body())
                            .isEqualTo(200);
                }
            }
        }
        assertThat(broker.zoom.users.refreshCalls).hasValue(1);
        assertThat(broker.zoom.users.reusedRefreshTokens).hasValue(0);
    }
}
