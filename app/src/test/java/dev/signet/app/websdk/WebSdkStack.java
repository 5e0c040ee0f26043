package dev.signet.app.websdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.signet.emulator.EmulatorServer;
import dev.signet.emulator.seed.DemoSeed;
import dev.signet.emulator.seed.Seed;
import dev.signet.platform.Platform;
import dev.signet.platform.PlatformConfig;
import dev.signet.platform.driver.websdk.SdkSource;
import dev.signet.platform.driver.websdk.WebSdkDriver;
import dev.signet.platform.driver.websdk.WebSdkSettings;
import dev.signet.platform.time.Pause;
import dev.signet.testkit.Services;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/**
 * The whole browser path on loopback: the emulator (a local Zoom serving the stand-in SDK), the platform with the
 * {@code websdk} driver in real headless Chromium, and a token URL that mints ZAKs from the emulator.
 */
final class WebSdkStack implements AutoCloseable {
    static final String API_KEY = "websdk-test-key";
    static final ObjectMapper JSON = new ObjectMapper();

    final EmulatorServer emulator;
    final WebSdkDriver driver;
    final Platform platform;
    private final Javalin tokenUrl;
    /** Every ZAK the token URL handed out, to check that none leaks. */
    final List<String> mintedZaks = new CopyOnWriteArrayList<>();

    final List<String> mintedObfs = new CopyOnWriteArrayList<>();
    private volatile @Nullable String garyToken;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** What a test varies. */
    record Options(String sdkPath, String sdkSecret, boolean crossOriginIsolation, Duration joinWatchdog) {
        static Options standard() {
            return new Options("/sdk/6.2.0/", DemoSeed.ACME_SDK_SECRET, false, Duration.ofSeconds(40));
        }

        Options sdkPath(String value) {
            return new Options(value, sdkSecret, crossOriginIsolation, joinWatchdog);
        }

        Options sdkSecret(String value) {
            return new Options(sdkPath, value, crossOriginIsolation, joinWatchdog);
        }

        Options isolated() {
            return new Options(sdkPath, sdkSecret, true, joinWatchdog);
        }

        Options joinWatchdog(Duration value) {
            return new Options(sdkPath, sdkSecret, crossOriginIsolation, value);
        }
    }

    WebSdkStack(Options options, Path dataDir) {
        Services.assumeChromium();
        emulator = EmulatorServer.start(Seed.demo(), Clock.systemUTC());
        tokenUrl = Javalin.create(c -> {
                    c.startup.showJavalinBanner = false;
                    c.routes.get(
                            "/zak/{user}", ctx -> ctx.contentType("text/plain").result(zak(ctx.pathParam("user"))));
                    c.routes.get(
                            "/obf",
                            ctx -> ctx.contentType("text/plain")
                                    .result(obf(java.util.Objects.requireNonNull(ctx.queryParam("meeting_id")))));
                })
                .start("127.0.0.1", 0);
        WebSdkSettings settings = new WebSdkSettings(
                Services.chromium(),
                Services.chromedriver(),
                new SdkSource.BaseUrl(URI.create(emulator.baseUrl() + options.sdkPath()), "6.2.0"),
                options.crossOriginIsolation(),
                options.joinWatchdog(),
                Duration.ofSeconds(20),
                Duration.ofMillis(100),
                List.of(WebSdkSettings.LOOPBACK_ONLY),
                dataDir.resolve("profiles"));
        driver = new WebSdkDriver(settings, Clock.systemUTC(), Pause.real());
        Map<String, String> env = new HashMap<>();
        env.put("SIGNET_PLATFORM_HOST", "127.0.0.1");
        env.put("SIGNET_PLATFORM_PORT", "0");
        env.put("SIGNET_API_KEYS", API_KEY);
        env.put("SIGNET_DATA_DIR", dataDir.resolve("data").toString());
        env.put("SIGNET_DRIVER", "websdk");
        env.put("SIGNET_ALLOW_LOOPBACK_TOKEN_URLS", "true");
        env.put("SIGNET_OBF_RETRY_INTERVAL", "1s");
        env.put("SIGNET_ZOOM_SDK_KEY", DemoSeed.ACME_SDK_KEY);
        env.put("SIGNET_ZOOM_SDK_SECRET", options.sdkSecret());
        platform = Platform.start(PlatformConfig.fromEnvironment(env), Clock.systemUTC(), driver);
    }

    /** The token URL that answers a fresh ZAK of {@code userId}. */
    String zakUrl(String userId) {
        return "http://127.0.0.1:" + tokenUrl.port() + "/zak/" + userId;
    }

    /**
     * The token URL that answers a fresh OBF token of Globex's Gary for the {@code meeting_id} the platform appends,
     * minted with Gary's user-level token of Acme's OAuth app.
     */
    String obfUrl() {
        return "http://127.0.0.1:" + tokenUrl.port() + "/obf";
    }

    /** Creates a bot; returns its id. */
    String createBot(String meetingUrl, @Nullable String zakUrl) {
        ObjectNode zoom = JSON.createObjectNode();
        if (zakUrl != null) {
            zoom.put("zak_url", zakUrl);
        }
        return createBotWithZoom(meetingUrl, zoom);
    }

    /** Creates a bot with the given {@code zoom} object; returns its id. */
    String createBotWithZoom(String meetingUrl, ObjectNode zoom) {
        ObjectNode body = JSON.createObjectNode().put("meeting_url", meetingUrl).put("bot_name", "Notetaker");
        if (!zoom.isEmpty()) {
            body.set("zoom", zoom);
        }
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(platform.baseUrl().resolve("/api/v1/bot/"))
                        .header("Authorization", "Token " + API_KEY)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response.body()).get("id").asText();
    }

    JsonNode bot(String id) {
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(platform.baseUrl().resolve("/api/v1/bot/" + id + "/"))
                        .header("Authorization", "Token " + API_KEY));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response.body());
    }

    void leaveCall(String id) {
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(platform.baseUrl().resolve("/api/v1/bot/" + id + "/leave_call/"))
                        .header("Authorization", "Token " + API_KEY)
                        .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
    }

    /** Waits until the bot has had status {@code code}; returns that status change. */
    JsonNode awaitStatus(String id, String code) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    JsonNode changes = bot(id).get("status_changes");
                    JsonNode match = null;
                    for (JsonNode change : changes) {
                        if (change.get("code").asText().equals(code)) {
                            match = change;
                        }
                    }
                    assertThat(match)
                            .as("status %s of bot %s; so far %s", code, id, changes)
                            .isNotNull();
                    found[0] = match;
                });
        return found[0];
    }

    /** Waits for the bot's final status and returns it. */
    JsonNode awaitFinal(String id) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    JsonNode changes = bot(id).get("status_changes");
                    JsonNode latest = changes.get(changes.size() - 1);
                    assertThat(latest.get("code").asText())
                            .as("bot %s: %s", id, changes)
                            .isIn("done", "fatal");
                    last[0] = latest;
                });
        return last[0];
    }

    /** The emulator's view of a meeting (host controls API). */
    JsonNode meeting(long number) {
        return json(emulatorCall("GET", "/emulator/meetings/" + number, null));
    }

    String emulatorCall(String method, String path, @Nullable String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + path))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = send(request);
        assertThat(response.statusCode())
                .as(method + " " + path + ": " + response.body())
                .isBetween(200, 299);
        return response.body();
    }

    /** The meeting's participant that is the bot now (display name "Notetaker"; earlier attempts may have left). */
    JsonNode botParticipant(long number) {
        JsonNode meeting = meeting(number);
        JsonNode found = null;
        for (JsonNode p : meeting.get("participants")) {
            if (p.path("display_name").asText().equals("Notetaker")
                    && !p.path("status").asText().equals("left")) {
                found = p;
            }
        }
        if (found == null) {
            throw new AssertionError("no bot in meeting " + number + ": " + meeting);
        }
        return found;
    }

    private String zak(String userId) {
        String basic = Base64.getEncoder()
                .encodeToString((DemoSeed.ACME_S2S_CLIENT_ID + ":" + DemoSeed.ACME_S2S_CLIENT_SECRET)
                        .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> token = send(HttpRequest.newBuilder(URI.create(emulator.baseUrl()
                        + "/oauth/token?grant_type=account_credentials&account_id=" + DemoSeed.ACME_ACCOUNT_ID))
                .header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.noBody()));
        String access = json(token.body()).get("access_token").asText();
        HttpResponse<String> zak =
                send(HttpRequest.newBuilder(URI.create(emulator.apiBase() + "/users/" + userId + "/token?type=zak"))
                        .header("Authorization", "Bearer " + access));
        String minted = json(zak.body()).get("token").asText();
        mintedZaks.add(minted);
        return minted;
    }

    private String obf(String meetingId) {
        String access = garyToken;
        if (access == null) {
            access = userToken(DemoSeed.GLOBEX_USER_ID);
            garyToken = access;
        }
        HttpResponse<String> obf = send(HttpRequest.newBuilder(
                        URI.create(emulator.apiBase() + "/users/me/token?type=onbehalf&meeting_id=" + meetingId))
                .header("Authorization", "Bearer " + access));
        assertThat(obf.statusCode()).as(obf.body()).isEqualTo(200);
        String minted = json(obf.body()).get("token").asText();
        mintedObfs.add(minted);
        return minted;
    }

    /** A user-level access token of {@code userId} for Acme's OAuth app, through the emulator's consent form. */
    private String userToken(String userId) {
        String redirect = "http://127.0.0.1/callback";
        HttpResponse<String> decided =
                send(HttpRequest.newBuilder(URI.create(emulator.oauthBase() + "/oauth/authorize"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "response_type=code&client_id=" + DemoSeed.ACME_OAUTH_CLIENT_ID + "&redirect_uri="
                                        + redirect + "&user_id=" + userId + "&decision=approve")));
        String location = decided.headers().firstValue("Location").orElseThrow();
        String code = URI.create(location).getQuery().replaceAll(".*(?:^|&)code=([^&]*).*", "$1");
        String basic = Base64.getEncoder()
                .encodeToString((DemoSeed.ACME_OAUTH_CLIENT_ID + ":" + DemoSeed.ACME_OAUTH_CLIENT_SECRET)
                        .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> token = send(HttpRequest.newBuilder(URI.create(emulator.oauthBase() + "/oauth/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "grant_type=authorization_code&code=" + code + "&redirect_uri=" + redirect)));
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        return json(token.body()).get("access_token").asText();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        AutoCloseable stopTokenUrl = tokenUrl::stop;
        try (stopTokenUrl;
                emulator;
                driver;
                platform) {
            // closes platform, driver, emulator, token URL in that order
        } catch (Exception e) {
            throw new IllegalStateException("closing the websdk stack failed", e);
        }
    }
}
