package dev.signet.emulator.join;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signet.emulator.Fixture;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/** Reads a server-sent event stream with java.net.http, one event at a time. */
final class SseClient implements AutoCloseable {
    /** One event: its name and parsed JSON data. */
    record Event(String name, JsonNode data) {}

    final HttpResponse<InputStream> response;
    private final BufferedReader reader;

    SseClient(HttpClient client, HttpRequest request) {
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
    }

    /** The next event, skipping comments; null when the stream ended. */
    @Nullable
    Event next() {
        String name = null;
        String data = null;
        try {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isEmpty()) {
                    if (name != null && data != null) {
                        return new Event(name, Fixture.JSON.readTree(data));
                    }
                    continue;
                }
                if (line.startsWith("event: ")) {
                    name = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data = line.substring(6);
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads one raw line (for comments such as pings). */
    @Nullable
    String line() {
        try {
            return reader.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
