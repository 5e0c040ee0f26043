package dev.signet.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signet.platform.ApiClient.Response;
import dev.signet.platform.driver.DriverEvent;
import dev.signet.platform.driver.JoinRequest;
import dev.signet.platform.driver.MeetingDriver;
import dev.signet.platform.driver.MeetingParticipant;
import dev.signet.platform.driver.MeetingSession;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The composition root with the real runtime and a driver whose meetings always admit the bot. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class PlatformTest {
    @TempDir
    Path dir;

    Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("SIGNET_PLATFORM_HOST", "127.0.0.1");
        env.put("SIGNET_PLATFORM_PORT", "0");
        env.put("SIGNET_API_KEYS", "platform-test-key");
        env.put("SIGNET_DATA_DIR", dir.toString());
        env.put("SIGNET_ZOOM_SDK_KEY", "sdk-key");
        env.put("SIGNET_ZOOM_SDK_SECRET", "sdk-secret-value");
        env.put("SIGNET_EMULATOR_URL", "http://127.0.0.1:9");
        return env;
    }

    ApiClient client(Platform platform) {
        return new ApiClient(platform.baseUrl(), "Token platform-test-key");
    }

    static JsonNode waitForStatus(ApiClient api, String id, String code) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode changes = api.get("/api/v1/bot/" + id + "/").json().get("status_changes");
            return changes.get(changes.size() - 1).get("code").asText().equals(code);
        });
        return api.get("/api/v1/bot/" + id + "/").json();
    }

    @Test
    void start_onPortZero_servesTheApiAndRunsBotsThroughTheRuntime() {
        AdmittingDriver driver = new AdmittingDriver();
        try (Platform platform = Platform.start(PlatformConfig.fromEnvironment(env()), Clock.systemUTC(), driver)) {
            assertThat(platform.port()).isPositive();
            assertThat(platform.baseUrl().toString()).isEqualTo("http://127.0.0.1:" + platform.port());
            ApiClient api = client(platform);
            assertThat(api.get("/readyz").status()).isEqualTo(200);

            Response created = api.post(
                    "/api/v1/bot/", "{\"meeting_url\":\"https://zoom.us/j/85412345678?pwd=x.1\",\"bot_name\":\"Ada\"}");
            assertThat(created.status()).isEqualTo(201);
            String id = created.json().get("id").asText();

            JsonNode inCall = waitForStatus(api, id, "in_call_not_recording");
            assertThat(driver.requests).extracting(JoinRequest::meetingNumber).contains("85412345678");
            assertThat(inCall.get("status_changes"))
                    .extracting(c -> c.get("code").asText())
                    .startsWith("ready", "joining_call");
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> api.get("/api/v1/bot/" + id)
                                    .json()
                                    .get("meeting_participants")
                                    .size()
                            > 0);

            assertThat(api.post("/api/v1/bot/" + id + "/leave_call/", null).status())
                    .isEqualTo(200);
            JsonNode done = waitForStatus(api, id, "done");
            assertThat(done.get("status_changes")).anySatisfy(c -> {
                assertThat(c.get("code").asText()).isEqualTo("call_ended");
                assertThat(c.get("sub_code").asText()).isEqualTo("bot_received_leave_call");
            });
            assertThat(api.get("/metrics").body()).contains("signet_bots{status=\"done\"}");
        }
    }

    @Test
    void start_withMetricsToken_servesMetricsOnlyToTheBearerAndKeepsProbesOpen() {
        Map<String, String> env = env();
        env.put("SIGNET_METRICS_TOKEN", "metrics-token-value");
        env.put("SIGNET_RETENTION", "7d");
        env.put("SIGNET_WEBHOOK_CONCURRENCY", "4");
        try (Platform platform =
                Platform.start(PlatformConfig.fromEnvironment(env), Clock.systemUTC(), new AdmittingDriver())) {
            ApiClient withApiKey = client(platform);
            assertThat(withApiKey.get("/metrics").status()).isEqualTo(401);
            assertThat(withApiKey.get("/healthz").status()).isEqualTo(200);
            assertThat(withApiKey.get("/readyz").status()).isEqualTo(200);
            Response scraped = new ApiClient(platform.baseUrl(), "Bearer metrics-token-value").get("/metrics");
            assertThat(scraped.status()).isEqualTo(200);
            assertThat(scraped.body()).contains("signet_node_capacity").doesNotContain("metrics-token-value");
        }
    }

    @Test
    void restart_keepsScheduledBots() {
        String id;
        try (Platform first =
                Platform.start(PlatformConfig.fromEnvironment(env()), Clock.systemUTC(), new AdmittingDriver())) {
            Response created = client(first)
                    .post(
                            "/api/v1/bot/",
                            "{\"meeting_url\":\"https://zoom.us/j/85412345678\",\"join_at\":\"2099-01-01T00:00:00Z\","
                                    + "\"zoom\":{\"zak_url\":\"https://t.example.com/zak?token=kept-across-restarts\"}}");
            id = created.json().get("id").asText();
        }
        try (Platform second =
                Platform.start(PlatformConfig.fromEnvironment(env()), Clock.systemUTC(), new AdmittingDriver())) {
            JsonNode bot = client(second).get("/api/v1/bot/" + id).json();
            assertThat(bot.get("status_changes")).hasSize(1);
            assertThat(bot.get("zoom").get("zak_url").asText()).isEqualTo("https://t.example.com/zak?token=REDACTED");
        }
    }

    @Test
    void start_withUnreachableDatabase_failsAndLeavesNothingListening() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Map<String, String> env = env();
        env.put("SIGNET_PLATFORM_PORT", Integer.toString(port));
        env.put("SIGNET_DATABASE_URL", "jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2");
        env.put("SIGNET_ENCRYPTION_KEY", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");

        assertThatThrownBy(() ->
                        Platform.start(PlatformConfig.fromEnvironment(env), Clock.systemUTC(), new AdmittingDriver()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot open database jdbc:postgresql://127.0.0.1:1/none");
        try (ServerSocket again = new ServerSocket(port)) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
    }

    /** Admits every bot at once, with the host present; the meeting goes on until the bot leaves. */
    static final class AdmittingDriver implements MeetingDriver {
        final List<JoinRequest> requests = new CopyOnWriteArrayList<>();

        @Override
        public MeetingSession join(JoinRequest request) {
            requests.add(request);
            LinkedBlockingQueue<DriverEvent> events = new LinkedBlockingQueue<>();
            events.add(new DriverEvent.InMeeting(false));
            events.add(new DriverEvent.ParticipantJoined(
                    new MeetingParticipant("host-1", "Host", "host@example.com", null, true, true, false)));
            return new MeetingSession() {
                @Override
                public Optional<DriverEvent> next(Duration timeout) throws InterruptedException {
                    return Optional.ofNullable(events.poll(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS));
                }

                @Override
                public void leave() {}

                @Override
                public void close() {}
            };
        }
    }
}
