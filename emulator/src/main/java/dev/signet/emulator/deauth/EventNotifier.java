package dev.signet.emulator.deauth;

import dev.signet.emulator.secret.Secret;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Posts event notifications as Zoom does: JSON with {@code x-zm-request-timestamp} (epoch seconds) and {@code
 * x-zm-signature: v0=<hex HMAC-SHA256(secret token, "v0:{timestamp}:{body}")>}. One attempt, short timeouts, no
 * redirects, and only ever to the app's configured URL.
 */
public final class EventNotifier implements AutoCloseable {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /** Posts {@code body} to {@code url}, signed with {@code secretToken} at {@code at}; answers the outcome. */
    Delivery post(URI url, Secret secretToken, String body, Instant at) {
        String timestamp = Long.toString(at.getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("x-zm-request-timestamp", timestamp)
                .header("x-zm-signature", signature(secretToken, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            return Delivery.answered(
                    client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
        } catch (IOException e) {
            return Delivery.failed(e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Delivery.failed("interrupted");
        }
    }

    /** Zoom's webhook signature: {@code v0=} and the lowercase hex HMAC-SHA256 of {@code v0:{timestamp}:{body}}. */
    static String signature(Secret secretToken, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secretToken.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
            return "v0=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
