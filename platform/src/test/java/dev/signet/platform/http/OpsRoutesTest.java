package dev.signet.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.secrets.Secret;
import dev.signet.testkit.MutableClock;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code /metrics}: database gauges read at most once per period, and an optional bearer token. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class OpsRoutesTest {
    final MutableClock clock = MutableClock.fixed();
    final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    final AtomicInteger gaugeReads = new AtomicInteger();
    final HttpClient client = HttpClient.newHttpClient();

    @Nullable
    HttpServer server;

    @AfterEach
    void down() {
        if (server != null) {
            server.close();
        }
        client.close();
    }

    URI start(OpsRoutes.Settings settings) {
        OpsRoutes ops =
                new OpsRoutes(new JsonCodec(), () -> true, meters, settings, clock, gaugeReads::incrementAndGet);
        HttpServer started = HttpServer.start(
                "127.0.0.1", 0, new JsonCodec(), ApiKeys.of(List.of(Secret.of("api-key"))), List.of(ops::register));
        server = started;
        return started.baseUrl().resolve("/metrics");
    }

    HttpResponse<String> get(URI uri, @Nullable String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void scrapes_readTheDatabaseGaugesAtMostOncePerPeriod() throws Exception {
        URI metrics = start(new OpsRoutes.Settings(null, Duration.ofSeconds(15)));

        for (int i = 0; i < 5; i++) {
            assertThat(get(metrics, null).statusCode()).isEqualTo(200);
        }
        assertThat(gaugeReads).hasValue(1);

        clock.advance(Duration.ofSeconds(14));
        get(metrics, null);
        assertThat(gaugeReads).hasValue(1);

        clock.advance(Duration.ofSeconds(1));
        get(metrics, null);
        get(metrics, null);
        assertThat(gaugeReads).hasValue(2);
    }

    @Test
    void gaugeThatFails_isLoggedAndTheScrapeStillAnswers() throws Exception {
        OpsRoutes ops = new OpsRoutes(new JsonCodec(), () -> true, meters, OpsRoutes.Settings.DEFAULTS, clock, () -> {
            throw new IllegalStateException("database away");
        });
        server = HttpServer.start(
                "127.0.0.1", 0, new JsonCodec(), ApiKeys.of(List.of(Secret.of("api-key"))), List.of(ops::register));

        assertThat(get(server.baseUrl().resolve("/metrics"), null).statusCode()).isEqualTo(200);
    }

    @Test
    void withAToken_metricsAnswerOnlyThatBearerToken() throws Exception {
        URI metrics = start(new OpsRoutes.Settings(Secret.of("scrape-token-123"), Duration.ofSeconds(15)));

        HttpResponse<String> none = get(metrics, null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(none.body()).contains("authentication_failed").doesNotContain("scrape-token-123");
        assertThat(get(metrics, "Bearer wrong-token").statusCode()).isEqualTo(401);
        assertThat(get(metrics, "Bearer scrape-token-1234").statusCode()).isEqualTo(401);
        assertThat(get(metrics, "Token api-key").statusCode()).isEqualTo(401);
        assertThat(gaugeReads).hasValue(0); // refused scrapes read nothing

        HttpResponse<String> ok = get(metrics, "Bearer scrape-token-123");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(get(metrics, "bearer scrape-token-123").statusCode()).isEqualTo(200);
        assertThat(gaugeReads).hasValue(1);
        // Health checks stay open.
        assertThat(get(metrics.resolve("/healthz"), null).statusCode()).isEqualTo(200);
    }

    @Test
    void withoutAToken_metricsAreOpen() throws Exception {
        URI metrics = start(OpsRoutes.Settings.DEFAULTS);

        assertThat(get(metrics, null).statusCode()).isEqualTo(200);
    }
}
