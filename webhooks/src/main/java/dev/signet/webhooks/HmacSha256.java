package dev.signet.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;

/** The Standard Webhooks v1 scheme: HMAC-SHA256 over {@code {id}.{timestamp}.{body}}. */
final class HmacSha256 {
    private static final byte[] DOT = {'.'};

    private HmacSha256() {}

    /**
     * The raw v1 MAC. {@code timestamp} is the header text exactly as sent, so a verifier checks the bytes that
     * arrived rather than a re-formatted number.
     */
    static byte[] sign(WebhookSecret secret, String id, String timestamp, byte[] body) {
        Mac mac;
        try {
            // A Mac is not thread-safe and creating one is cheap next to a network round trip.
            mac = Mac.getInstance("HmacSHA256");
            mac.init(secret.key());
        } catch (GeneralSecurityException e) {
            // Every JDK must provide HmacSHA256; reaching this means a broken runtime, not bad input.
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
        mac.update(id.getBytes(StandardCharsets.UTF_8));
        mac.update(DOT);
        mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
        mac.update(DOT);
        mac.update(body);
        return mac.doFinal();
    }
}
