package dev.signet.zoom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** A MockWebServer on loopback that plays Zoom: OAuth at its root, the REST API under {@code /v2}. */
public final class MockZoom implements AutoCloseable {
    public final MockWebServer server = new MockWebServer();

    private MockZoom() {}

    public static MockZoom start() {
        MockZoom zoom = new MockZoom();
        try {
            zoom.server.start(InetAddress.getLoopbackAddress(), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return zoom;
    }

    public ZoomEndpoints endpoints() {
        String origin = "http://127.0.0.1:" + server.getPort();
        return ZoomEndpoints.of(origin, origin + "/v2/");
    }

    public static HttpClient http() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    public static MockResponse json(int code, String body) {
        return new MockResponse.Builder()
                .code(code)
                .addHeader("Content-Type", "application/json")
                .addHeader("x-zm-trackingid", "v=2.0;clid=us06;rid=TRACK-" + code)
                .body(body)
                .build();
    }

    public static MockResponse oauthToken(String token, long expiresIn) {
        return json(
                200,
                "{\"access_token\":\"" + token + "\",\"token_type\":\"bearer\",\"expires_in\":" + expiresIn
                        + ",\"scope\":\"user:read:zak:admin\",\"api_url\":\"https://api.zoom.us\"}");
    }

    public void enqueue(MockResponse response) {
        server.enqueue(response);
    }

    /** The next request the server received; fails the test if none came within 5 s. */
    public RecordedRequest take() {
        try {
            RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
            assertThat(request).as("a request reached the mock Zoom").isNotNull();
            return request;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The request's body as UTF-8 text ("" when it had none). */
    public static String body(RecordedRequest request) {
        var body = request.getBody();
        return body == null ? "" : body.utf8();
    }

    public int requestCount() {
        return server.getRequestCount();
    }

    @Override
    public void close() {
        server.close();
    }
}
