package dev.signet.webhooks;

import java.util.Map;

/**
 * The three Standard Webhooks headers of one signed message.
 *
 * @param id the {@code webhook-id}
 * @param timestamp the {@code webhook-timestamp}, unix seconds
 * @param signature the {@code webhook-signature}, space-separated {@code v1,<base64>} entries
 */
public record SignedHeaders(String id, String timestamp, String signature) {
    /** Header carrying the message id. */
    public static final String ID = "webhook-id";

    /** Header carrying the unix-seconds timestamp. */
    public static final String TIMESTAMP = "webhook-timestamp";

    /** Header carrying the signatures. */
    public static final String SIGNATURE = "webhook-signature";

    public SignedHeaders {
        if (id.isBlank()) {
            throw new IllegalArgumentException("webhook-id is blank");
        }
        if (timestamp.isBlank()) {
            throw new IllegalArgumentException("webhook-timestamp is blank");
        }
        if (signature.isBlank()) {
            throw new IllegalArgumentException("webhook-signature is blank");
        }
    }

    /** The headers by name: {@code webhook-id}, {@code webhook-timestamp} and {@code webhook-signature}. */
    public Map<String, String> asMap() {
        return Map.of(ID, id, TIMESTAMP, timestamp, SIGNATURE, signature);
    }
}
