package dev.signet.bench.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** The bench's HTTP/1.1 client: JSON requests that fail loudly on an unexpected status. */
public final class Http implements AutoCloseable {
    /** Any status is fine. */
    public static final int ANY = -1;

    /** Any 2xx status is fine. */
    public static final int SUCCESS = 0;

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /**
     * Sends {@code body} (none when null) with the platform API key when {@code apiKey} is not null; returns the body
     * if the status is {@code expected} ({@link #ANY}: any; {@link #SUCCESS}: any 2xx), otherwise throws naming the
     * request.
     */
    public String send(String method, String url, @Nullable String body, @Nullable String apiKey, int expected)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofMinutes(2))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Content-Type", "application/json");
        if (apiKey != null) {
            request.header("Authorization", "Token " + apiKey);
        }
        HttpResponse<String> response =
                client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        int status = response.statusCode();
        boolean ok = expected == ANY || (expected == SUCCESS ? status / 100 == 2 : status == expected);
        if (!ok) {
            throw new IllegalStateException(method + " " + URI.create(url).getPath() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    @Override
    public void close() {
        client.close();
    }
}
