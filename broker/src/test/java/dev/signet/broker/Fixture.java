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
