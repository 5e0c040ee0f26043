package dev.signet.app.websdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signet.platform.Platform;
import dev.signet.platform.PlatformConfig;
import dev.signet.platform.driver.DriverEvent;
import dev.signet.platform.driver.JoinRequest;
import dev.signet.platform.driver.MeetingSession;
import dev.signet.platform.driver.websdk.SdkSource;
import dev.signet.platform.driver.websdk.WebSdkDriver;
import dev.signet.platform.driver.websdk.WebSdkSettings;
import dev.signet.platform.time.Pause;
import dev.signet.secrets.Secret;
import dev.signet.testkit.Services;
import dev.signet.zoom.sdk.SdkCredentials;
import dev.signet.zoom.sdk.SdkSigner;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Zoom's real Meeting SDK for Web ({@code @zoom/meetingsdk}, installed from npm outside the repository by {@code
 * .ci/run}), self-hosted by the driver's page server and run in headless Chromium whose resolver maps every host but
 * 127.0.0.1 to nothing. Proves that our page speaks the real SDK's API: {@code init} succeeds with our page and
 * signature (the bridge calls {@code join} only from {@code init}'s success callback), and {@code join} fails at the
 * network edge through the SDK's <em>own</em> error callback.
 */
@Timeout(240)
class RealSdkSmokeTest {
    /** Where {@code .ci/run} installs the SDK; {@code SIGNET_WEBSDK_REAL_DIST} overrides it. */
    static final Path DEFAULT_DIST = Path.of("/tmp/signet-websdk/node_modules/@zoom/meetingsdk/dist");

    private static final String MEETING = "85746065432";
    private static final SdkCredentials APP =
            new SdkCredentials("smoke-sdk-key", Secret.of("smoke-sdk-secret-0123456789abcdef"));

    @TempDir
    Path dir;

    private SdkSource.LocalAssets sdk = new SdkSource.LocalAssets(DEFAULT_DIST, SdkSource.DEFAULT_VERSION);

    @BeforeEach
    void requireTheRealSdk() {
        Services.assumeChromium();
        String configured = System.getenv("SIGNET_WEBSDK_REAL_DIST");
        Path dist = configured == null || configured.isBlank() ? DEFAULT_DIST : Path.of(configured);
        sdk = new SdkSource.LocalAssets(dist, SdkSource.DEFAULT_VERSION);
        if (!sdk.present()) {
            Services.unavailable(
                    "Zoom's Meeting SDK for Web at " + dist,
                    "run npm install --prefix /tmp/signet-websdk @zoom/meetingsdk@" + SdkSource.DEFAULT_VERSION
                            + " or set SIGNET_WEBSDK_REAL_DIST");
        }
    }

    private WebSdkDriver driver() {
        WebSdkSettings settings = new WebSdkSettings(
                Services.chromium(),
                Services.chromedriver(),
                sdk,
                false,
                Duration.ofSeconds(40),
                Duration.ofSeconds(30),
                Duration.ofMillis(100),
                List.of(WebSdkSettings.LOOPBACK_ONLY),
                dir.resolve("profiles"));
        return new WebSdkDriver(settings, Clock.systemUTC(), Pause.real());
    }

    @Test
    void realSdk_initSucceeds_andJoinFailsThroughTheSdksOwnErrorCallback() throws Exception {
        Secret signature = new SdkSigner(APP, Clock.systemUTC()).sign(MEETING, 0);
        JoinRequest request =
                new JoinRequest(MEETING, "pass", null, "Notetaker", 0, null, null, null, null, signature, APP.key());
        try (WebSdkDriver websdk = driver();
                MeetingSession session = websdk.join(request)) {
            DriverEvent first = session.next(Duration.ofSeconds(90)).orElseThrow();

            // JoinRefused comes only from the bridge's join error callback, which the SDK calls; code 1 is the
            // SDK's ZoomMtg.errorCodes.FAIL and the message is the SDK's own text.
            assertThat(first).isInstanceOfSatisfying(DriverEvent.JoinRefused.class, refused -> {
                assertThat(refused.zoomCode()).isEqualTo(1);
                assertThat(refused.reason()).isEqualTo("Fail to join the meeting.");
            });
            assertThat(first.isFinal()).isTrue();
        }
    }

    @Test
    void realSdk_throughThePlatform_endsFatalZoomConnectionFailed() throws Exception {
        try (WebSdkDriver websdk = driver();
                Platform platform = Platform.start(
                        PlatformConfig.fromEnvironment(Map.of(
                                "SIGNET_PLATFORM_HOST", "127.0.0.1",
                                "SIGNET_PLATFORM_PORT", "0",
                                "SIGNET_API_KEYS", "smoke-key",
                                "SIGNET_DATA_DIR", dir.resolve("data").toString(),
                                "SIGNET_DRIVER", "websdk",
                                "SIGNET_ZOOM_SDK_KEY", APP.key(),
                                "SIGNET_ZOOM_SDK_SECRET", APP.secret().reveal())),
                        Clock.systemUTC(),
                        websdk)) {
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> created = http.send(
                    HttpRequest.newBuilder(platform.baseUrl().resolve("/api/v1/bot/"))
                            .header("Authorization", "Token smoke-key")
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"meeting_url\":\"https://zoom.us/j/" + MEETING + "?pwd=pass\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String id = WebSdkStack.json(created.body()).get("id").asText();
            URI botUrl = platform.baseUrl().resolve("/api/v1/bot/" + id + "/");

            JsonNode[] last = new JsonNode[1];
            await().atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> {
                        JsonNode changes = WebSdkStack.json(get(http, botUrl)).get("status_changes");
                        last[0] = changes.get(changes.size() - 1);
                        assertThat(last[0].get("code").asText())
                                .as("%s", changes)
                                .isIn("fatal", "done");
                    });
            assertThat(last[0].get("sub_code").asText()).isEqualTo("zoom_connection_failed");
            assertThat(last[0].get("message").asText()).contains("Fail to join the meeting.");
            assertThat(websdk.liveBrowsers()).isZero();
        }
    }

    private static String get(HttpClient http, URI uri) throws IOException, InterruptedException {
        return http.send(
                        HttpRequest.newBuilder(uri)
                                .header("Authorization", "Token smoke-key")
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }
}
