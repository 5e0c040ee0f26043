package dev.signet.app.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A small JSON-over-HTTP client for the demo: it talks to each deployable exactly as a user would. */
final class JsonHttp {
    private final HttpClient http;
    private final ObjectMapper json;

    JsonHttp(HttpClient http, ObjectMapper json) {
        this.http = http;
        this.json = json;
    }

    /** The underlying client, for callers that need raw responses (redirects, HTML). */
    HttpClient client() {
        return http;
    }

    /** A response's status and parsed body ({@code null} body when empty). */
    record Reply(int status, JsonNode body) {}

    Reply get(URI uri, Map<String, String> headers) {
        return send(HttpRequest.newBuilder(uri).GET(), headers);
    }

    Reply post(URI uri, @Nullable Object body, Map<String, String> headers) {
        HttpRequest.BodyPublisher publisher = body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(write(body));
        return send(HttpRequest.newBuilder(uri).POST(publisher).header("Content-Type", "application/json"), headers);
    }

    Reply postForm(URI uri, String form, Map<String, String> headers) {
        return send(
                HttpRequest.newBuilder(uri)
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .header("Content-Type", "application/x-www-form-urlencoded"),
                headers);
    }

    private Reply send(HttpRequest.Builder builder, Map<String, String> headers) {
        headers.forEach(builder::header);
        builder.timeout(Duration.ofSeconds(30));
        try {
            HttpResponse<byte[]> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            byte[] bytes = response.body();
            JsonNode body = bytes.length == 0 ? json.nullNode() : parse(bytes);
            return new Reply(response.statusCode(), body);
        } catch (IOException e) {
            throw new UncheckedIOException("request to " + builder.build().uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private JsonNode parse(byte[] bytes) {
        try {
            return json.readTree(bytes);
        } catch (IOException e) {
            // Not JSON (an HTML page, a plain-text error): keep the text so a failure message can show it.
            return json.getNodeFactory().textNode(new String(bytes, StandardCharsets.UTF_8));
        }
    }

    private byte[] write(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
