package dev.signet.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.signet.testkit.MutableClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A real broker on port 0 against a {@link FakeZoom}, on a {@link MutableClock}, with an HTTP client. */
final class Fixture implements AutoCloseable {
    static final String ALICE = "alice@example.com";
    static final String BOB = "bob@example.com";
    static final String CAROL = "carol@example.com";
    static final String SECRET = "query-secret-alpha-0123456789";
    static final String OLD_SECRET = "query-secret-bravo-9876543210";
    static final String WHSEC = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String ADMIN = "admin-secret-4c1e9b7a2d";
    static final String ZOOM_TOKEN = "zoom-event-token-8d2f6a";
    /** The public redirect URL; tests send its path and query to the broker's real port, as a proxy would. */
    static final String REDIRECT = "https://broker.test/connect/callback";

    static final String KEY = "q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c=";

    final FakeZoom zoom;
    final MutableClock clock;
    final Broker broker;
    final HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private Fixture(FakeZoom zoom, MutableClock clock, Broker broker) {
        this.zoom = zoom;
        this.clock = clock;
        this.broker = broker;
    }

    /** The settings every test starts from: three users, two query secrets and a webhook secret. */
    static Map<String, String> env(FakeZoom zoom) {
        Map<String, String> env = new HashMap<>();
        env.put("SIGNET_BROKER_HOST", "127.0.0.1");
        env.put("SIGNET_BROKER_PORT", "0");
        env.put("SIGNET_ZOOM_OAUTH_URL", zoom.oauthBase());
        env.put("SIGNET_ZOOM_API_URL", zoom.apiBase());
        env.put("SIGNET_ZOOM_ACCOUNT_ID", FakeZoom.ACCOUNT_ID);
        env.put("SIGNET_ZOOM_CLIENT_ID", FakeZoom.CLIENT_ID);
        env.put("SIGNET_ZOOM_CLIENT_SECRET", FakeZoom.CLIENT_SECRET);
        env.put("SIGNET_BROKER_ZAK_USERS", ALICE + "," + BOB + "," + CAROL);
        env.put("SIGNET_BROKER_SECRETS", SECRET + "," + OLD_SECRET);
        env.put("SIGNET_BROKER_WEBHOOK_SECRET", WHSEC);
        env.put("SIGNET_BROKER_ZOOM_TIMEOUT_MS", "5000");
        return env;
    }

    /** The OBF settings: the General app, an admin secret, Zoom's event token, and a database under dataDir. */
    static Map<String, String> obfEnv(java.nio.file.Path dataDir) {
        Map<String, String> env = new HashMap<>();
        env.put("SIGNET_BROKER_OAUTH_CLIENT_ID", FakeZoom.OAUTH_CLIENT_ID);
        env.put("SIGNET_BROKER_OAUTH_CLIENT_SECRET", FakeZoom.OAUTH_CLIENT_SECRET);
        env.put("SIGNET_BROKER_OAUTH_REDIRECT_URL", REDIRECT);
        env.put("SIGNET_BROKER_ADMIN_SECRETS", ADMIN);
        env.put("SIGNET_BROKER_ZOOM_WEBHOOK_SECRET_TOKEN", ZOOM_TOKEN);
        env.put("SIGNET_BROKER_DATA_DIR", dataDir.toString());
        return env;
    }

    /** Starts a fake Zoom and a broker whose settings are {@link #env} with {@code overrides} applied. */
    static Fixture start(Map<String, String> overrides) {
        return start(new FakeZoom(), overrides);
    }

    static Fixture start(FakeZoom zoom, Map<String, String> overrides) {
        Map<String, String> env = env(zoom);
        env.putAll(overrides);
        MutableClock clock = MutableClock.fixed();
        try {
            return new Fixture(zoom, clock, Broker.start(BrokerConfig.fromEnvironment(env), clock));
        } catch (RuntimeException e) {
            zoom.close();
            throw e;
        }
    }

    /** Starts with default settings and waits until the broker has warmed up. */
    static Fixture ready(Map<String, String> overrides) {
        Fixture fixture = start(overrides);
        fixture.awaitReady();
        return fixture;
    }

    void awaitReady() {
        await().atMost(Duration.ofSeconds(20)).until(() -> get("/readyz").statusCode() == 200);
    }

    HttpResponse<String> get(String pathAndQuery, String... headers) {
        return send("GET", pathAndQuery, headers);
    }

    HttpResponse<String> send(String method, String pathAndQuery, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The same request on the broker's real address (what a reverse proxy in front of it does). */
    String local(String publicUrl) {
        URI uri = URI.create(publicUrl);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    /** A signed connect link (its path and query), from the operator API. */
    String connectLink() {
        HttpResponse<String> link = send("POST", "/admin/connect-links", "Authorization", "Bearer " + ADMIN);
        assertThat(link.statusCode()).as(link.body()).isEqualTo(201);
        Matcher url = Pattern.compile("\"url\":\"([^\"]+)\"").matcher(link.body());
        assertThat(url.find()).isTrue();
        return local(url.group(1));
    }

    /** Opens a connect link; returns the broker's answer (a 302 to Zoom's consent page when allowed). */
    HttpResponse<String> open(String link) {
        return get(link);
    }

    /** Follows a redirect to the fake Zoom's consent page; returns Zoom's 302 back to the redirect URL. */
    HttpResponse<String> consent(HttpResponse<String> toZoom) {
        assertThat(toZoom.statusCode()).as(toZoom.body()).isEqualTo(302);
        String location = toZoom.headers().firstValue("Location").orElseThrow();
        try {
            return client.send(
                    HttpRequest.newBuilder(URI.create(location)).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Lands on the broker's callback with Zoom's redirect. */
    HttpResponse<String> callback(HttpResponse<String> fromZoom) {
        assertThat(fromZoom.statusCode()).as(fromZoom.body()).isEqualTo(302);
        return get(local(fromZoom.headers().firstValue("Location").orElseThrow()));
    }

    /** Drives the whole connect flow as {@code userId}; returns the final page. */
    HttpResponse<String> connect(String userId) {
        zoom.users.consentAs(userId);
        return callback(consent(open(connectLink())));
    }

    /** GETs an OBF token with the query secret. */
    HttpResponse<String> obf(String user, String meetingId) {
        return get("/zoom/obf?token=" + SECRET + "&user=" + user + "&meeting_id=" + meetingId + "&bot_id=bot-1");
    }

    URI uri(String pathAndQuery) {
        return broker.uri().resolve(pathAndQuery);
    }

    /** GETs a ZAK with the query secret and returns it, asserting a 200. */
    String zak(String query) {
        HttpResponse<String> response = get("/zoom/zak?token=" + SECRET + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    /** The user a fake ZAK was minted for. */
    String owner(String zak) {
        return zoom.owner(zak);
    }

    String zak() {
        return zak("");
    }

    /** The value of one Prometheus sample whose line starts with {@code name} and contains {@code labels}. */
    double metric(String name, String labels) {
        String text = get("/metrics").body();
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*\\})? (\\S+)$")
                .matcher(text);
        double sum = 0;
        while (m.find()) {
            String found = m.group(1) == null ? "" : m.group(1);
            if (found.contains(labels)) {
                sum += Double.parseDouble(m.group(2));
            }
        }
        return sum;
    }

    @Override
    public void close() {
        broker.close();
        zoom.close();
        client.close();
    }
}
