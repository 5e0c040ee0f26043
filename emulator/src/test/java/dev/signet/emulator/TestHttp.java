package dev.signet.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A small HTTP client for tests: one emulator base URL, string bodies, no redirects followed. */
public final class TestHttp implements AutoCloseable {
    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final String base;

    public TestHttp(String base) {
        this.base = base;
    }

    public HttpClient client() {
        return client;
    }

    public static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10));
    }

    public HttpResponse<String> get(String path, String... headers) {
        return send(withHeaders(request(path).GET(), headers));
    }

    public HttpResponse<String> postJson(String path, String json, String... headers) {
        return send(withHeaders(
                request(path).header("Content-Type", "application/json").POST(body(json)), headers));
    }

    public HttpResponse<String> postForm(String path, String form, String... headers) {
        return send(withHeaders(
                request(path)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(body(form)),
                headers));
    }

    public HttpResponse<String> method(String method, String path, String json, String... headers) {
        return send(withHeaders(
                request(path).header("Content-Type", "application/json").method(method, body(json)), headers));
    }

    public HttpResponse<String> send(HttpRequest.Builder builder) {
        try {
            return client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest.BodyPublisher body(String text) {
        return HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8);
    }

    private static HttpRequest.Builder withHeaders(HttpRequest.Builder builder, String... headers) {
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    @Override
    public void close() {
        client.close();
    }
}
