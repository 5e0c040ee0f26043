package dev.signet.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A small HTTP client for API tests: sends JSON with a key, returns status, headers and body. Every exchange is
 * checked against the committed OpenAPI document ({@link OpenApiContract}); one that breaks it fails the test.
 */
public final class ApiClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final @Nullable String authorization;

    public ApiClient(URI base, @Nullable String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    /** The same server with another {@code Authorization} header (or none). */
    public ApiClient withAuthorization(@Nullable String value) {
        return new ApiClient(base, value);
    }

    public Response get(String path) {
        return send("GET", path, null);
    }

    public Response post(String path, @Nullable String body) {
        return send("POST", path, body);
    }

    public Response patch(String path, String body) {
        return send("PATCH", path, body);
    }

    public Response delete(String path) {
        return send("DELETE", path, null);
    }

    public Response send(String method, String path, @Nullable String body) {
        return send(method, path, body, Map.of());
    }

    /** With extra request headers (e.g. {@code Idempotency-Key}). */
    public Response send(String method, String path, @Nullable String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        path.startsWith("http") ? URI.create(path) : base.resolve(path))
                .timeout(Duration.ofSeconds(20))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        headers.forEach(request::header);
        try {
            HttpRequest sent = request.build();
            HttpResponse<String> response = http.send(sent, HttpResponse.BodyHandlers.ofString());
            Map<String, List<String>> answered = new TreeMap<>();
            response.headers().map().forEach((name, values) -> answered.put(name.toLowerCase(Locale.ROOT), values));
            Response result = new Response(
                    response.statusCode(),
                    response.body(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    answered);
            List<String> violations = OpenApiContract.platform()
                    .violations(
                            method, sent.uri(), body, result.status(), result.contentType(), answered, result.body());
            if (!violations.isEmpty()) {
                throw new AssertionError(
                        "the exchange breaks openapi/platform.json:\n" + String.join("\n", violations));
            }
            return result;
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** A response: status, raw body, content type and headers (names in lower case). */
    public record Response(int status, String body, String contentType, Map<String, List<String>> headers) {
        /** The first value of a header, or {@code null}. */
        public @Nullable String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.getFirst();
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }
    }
}
