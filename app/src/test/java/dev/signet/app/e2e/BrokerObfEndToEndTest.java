package dev.signet.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.broker.Broker;
import dev.signet.broker.BrokerConfig;
import dev.signet.emulator.EmulatorServer;
import dev.signet.emulator.seed.DemoSeed;
import dev.signet.testkit.MutableClock;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker's OBF side against the real in-process emulator over plain HTTP: a user of another account connects
 * through the emulator's consent page, the broker mints OBF tokens with the user's grant while the emulator rotates the
 * refresh token on every refresh, an operator disconnect revokes at Zoom, and Zoom's signed app-deauthorization event
 * deletes the grant.
 */
@Timeout(120)
class BrokerObfEndToEndTest {
    private static final String SECRET = "e2e-obf-broker-secret-3a7c";
    private static final String ADMIN = "e2e-obf-admin-secret-9d1e";
    private static final String EVENT_TOKEN = "e2e-obf-event-token-5b2f";
    private static final String GARY = DemoSeed.GLOBEX_EMAIL;
    private static final String MEETING = Long.toString(DemoSeed.GLOBEX_MEETING);

    @TempDir
    Path dataDir;

    private final MutableClock clock = MutableClock.fixed();
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private EmulatorServer emulator;
    private Broker broker;
    private String base;

    @BeforeEach
    void start() throws IOException, InterruptedException {
        emulator = EmulatorServer.start(DemoSeed.seed(), clock);
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        base = "http://127.0.0.1:" + port;
        // The app's event notification endpoint and secret token, now that the broker's address is known.
        HttpResponse<String> seeded = send(HttpRequest.newBuilder(
                        URI.create(emulator.baseUrl() + "/emulator/admin/seed"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"accounts\":[{\"id\":\"" + DemoSeed.ACME_ACCOUNT_ID
                        + "\",\"name\":\"Acme\",\"oauth_apps\":[{\"client_id\":\"" + DemoSeed.ACME_OAUTH_CLIENT_ID
                        + "\",\"client_secret\":\"" + DemoSeed.ACME_OAUTH_CLIENT_SECRET
                        + "\",\"redirect_uris\":[\"http://127.0.0.1\"],\"event_url\":\"" + base
                        + "/zoom/events\",\"secret_token\":\"" + EVENT_TOKEN + "\"}]}]}")));
        assertThat(seeded.statusCode()).as(seeded.body()).isEqualTo(204);
        Map<String, String> env = new TreeMap<>();
        env.put("SIGNET_BROKER_HOST", "127.0.0.1");
        env.put("SIGNET_BROKER_PORT", Integer.toString(port));
        env.put("SIGNET_ZOOM_ACCOUNT_ID", DemoSeed.ACME_ACCOUNT_ID);
        env.put("SIGNET_ZOOM_CLIENT_ID", DemoSeed.ACME_S2S_CLIENT_ID);
        env.put("SIGNET_ZOOM_CLIENT_SECRET", DemoSeed.ACME_S2S_CLIENT_SECRET);
        env.put("SIGNET_ZOOM_OAUTH_URL", emulator.oauthBase());
        env.put("SIGNET_ZOOM_API_URL", emulator.apiBase());
        env.put("SIGNET_BROKER_ZAK_USERS", DemoSeed.NOTETAKER_EMAIL);
        env.put("SIGNET_BROKER_SECRETS", SECRET);
        env.put("SIGNET_BROKER_OAUTH_CLIENT_ID", DemoSeed.ACME_OAUTH_CLIENT_ID);
        env.put("SIGNET_BROKER_OAUTH_CLIENT_SECRET", DemoSeed.ACME_OAUTH_CLIENT_SECRET);
        env.put("SIGNET_BROKER_OAUTH_REDIRECT_URL", base + "/connect/callback");
        env.put("SIGNET_BROKER_ADMIN_SECRETS", ADMIN);
        env.put("SIGNET_BROKER_ZOOM_WEBHOOK_SECRET_TOKEN", EVENT_TOKEN);
        env.put("SIGNET_BROKER_DATA_DIR", dataDir.toString());
        broker = Broker.start(BrokerConfig.fromEnvironment(env), clock);
    }

    @AfterEach
    void stop() {
        if (broker != null) {
            broker.close();
        }
        if (emulator != null) {
            emulator.close();
        }
        http.close();
    }

    @Test
    void connectThroughTheConsentPage_mintWithRotatingRefreshTokens_deauthorizationDeletesTheGrant() throws Exception {
        HttpResponse<String> page = connect(DemoSeed.GLOBEX_USER_ID);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("Connected", GARY);

        Set<String> tokens = new HashSet<>();
        for (int hour = 0; hour < 3; hour++) {
            HttpResponse<String> first = obf(GARY);
            HttpResponse<String> second = obf(DemoSeed.GLOBEX_USER_ID);
            assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
            assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
            tokens.add(first.body());
            tokens.add(second.body());
            // The access token expires: the next mint refreshes, and the emulator rotates the refresh token.
            clock.advance(Duration.ofMinutes(61));
        }
        assertThat(tokens).hasSize(6);
        String listed = admin("GET", "/admin/connections").body();
        assertThat(listed).contains("\"user_id\":\"" + DemoSeed.GLOBEX_USER_ID + "\"", "\"state\":\"connected\"");
        assertThat(listed).contains("\"last_refresh_at\":\"" + clock.instant().minus(Duration.ofMinutes(61)));

        HttpResponse<String> deauthorized = send(HttpRequest.newBuilder(URI.create(emulator.baseUrl()
                        + "/emulator/admin/users/" + DemoSeed.GLOBEX_USER_ID + "/deauthorize?client_id="
                        + DemoSeed.ACME_OAUTH_CLIENT_ID))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(deauthorized.statusCode()).as(deauthorized.body()).isEqualTo(200);
        assertThat(deauthorized.body()).contains("\"status\":200");

        assertThat(admin("GET", "/admin/connections").body()).doesNotContain(DemoSeed.GLOBEX_USER_ID);
        HttpResponse<String> gone = obf(GARY);
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(gone.body()).startsWith("user_not_connected:");
    }

    @Test
    void operatorDisconnect_revokesAtTheEmulator() throws Exception {
        assertThat(connect(DemoSeed.GLOBEX_USER_ID).statusCode()).isEqualTo(200);
        assertThat(obf(GARY).statusCode()).isEqualTo(200);

        assertThat(admin("DELETE", "/admin/connections/" + GARY).statusCode()).isEqualTo(204);

        assertThat(obf(GARY).statusCode()).isEqualTo(404);
        // Connecting again works: the revoked grant left nothing behind.
        assertThat(connect(DemoSeed.GLOBEX_USER_ID).statusCode()).isEqualTo(200);
        assertThat(obf(GARY).statusCode()).isEqualTo(200);
    }

    @Test
    void grantRevokedAtZoom_turnsDisconnected() throws Exception {
        assertThat(connect(DemoSeed.GLOBEX_USER_ID).statusCode()).isEqualTo(200);
        // The user removes the app while the broker has no event endpoint reachable for it: only refreshes notice.
        HttpResponse<String> reseeded = send(HttpRequest.newBuilder(
                        URI.create(emulator.baseUrl() + "/emulator/admin/seed"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"accounts\":[{\"id\":\"" + DemoSeed.ACME_ACCOUNT_ID
                        + "\",\"name\":\"Acme\",\"oauth_apps\":[{\"client_id\":\"" + DemoSeed.ACME_OAUTH_CLIENT_ID
                        + "\",\"client_secret\":\"" + DemoSeed.ACME_OAUTH_CLIENT_SECRET
                        + "\",\"redirect_uris\":[\"http://127.0.0.1\"]}]}]}")));
        assertThat(reseeded.statusCode()).isEqualTo(204);
        assertThat(send(HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/emulator/admin/users/"
                                        + DemoSeed.GLOBEX_USER_ID + "/deauthorize?client_id="
                                        + DemoSeed.ACME_OAUTH_CLIENT_ID))
                                .POST(HttpRequest.BodyPublishers.noBody()))
                        .statusCode())
                .isEqualTo(200);

        HttpResponse<String> answer = obf(GARY);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(409);
        assertThat(answer.body()).startsWith("user_disconnected:");
        assertThat(admin("GET", "/admin/connections").body()).contains("\"state\":\"disconnected\"");
    }

    /** The whole connect flow as a person does it: link, consent page, approve, callback page. */
    private HttpResponse<String> connect(String userId) throws Exception {
        HttpResponse<String> link = admin("POST", "/admin/connect-links");
        assertThat(link.statusCode()).as(link.body()).isEqualTo(201);
        Matcher url = Pattern.compile("\"url\":\"([^\"]+)\"").matcher(link.body());
        assertThat(url.find()).isTrue();
        assertThat(url.group(1)).startsWith(base + "/connect?");

        HttpResponse<String> toZoom =
                send(HttpRequest.newBuilder(URI.create(url.group(1))).GET());
        assertThat(toZoom.statusCode()).as(toZoom.body()).isEqualTo(302);
        URI authorize = URI.create(toZoom.headers().firstValue("Location").orElseThrow());
        assertThat(authorize.toString()).startsWith(emulator.oauthBase() + "/oauth/authorize?");

        HttpResponse<String> consentPage =
                send(HttpRequest.newBuilder(authorize).GET());
        assertThat(consentPage.statusCode()).as(consentPage.body()).isEqualTo(200);
        assertThat(consentPage.body()).contains("<form");

        Map<String, String> form = new LinkedHashMap<>(query(authorize));
        form.put("user_id", userId);
        form.put("decision", "approve");
        HttpResponse<String> back = send(HttpRequest.newBuilder(URI.create(emulator.oauthBase() + "/oauth/authorize"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.entrySet().stream()
                        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&")))));
        assertThat(back.statusCode()).as(back.body()).isEqualTo(302);
        String callback = back.headers().firstValue("Location").orElseThrow();
        assertThat(callback).startsWith(base + "/connect/callback?code=");

        return send(HttpRequest.newBuilder(URI.create(callback)).GET());
    }

    private HttpResponse<String> obf(String user) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + "/zoom/obf?token=" + SECRET + "&user="
                        + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&meeting_id=" + MEETING
                        + "&bot_id=e2e-bot"))
                .GET());
    }

    private HttpResponse<String> admin(String method, String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + ADMIN)
                .method(method, HttpRequest.BodyPublishers.noBody()));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&", -1)) {
            int eq = pair.indexOf('=');
            params.put(
                    URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }
}
