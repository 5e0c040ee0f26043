package dev.signet.webhooks;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.StringJoiner;

/**
 * Signs messages the Standard Webhooks way, once per secret, so receivers keep verifying while a secret rotates.
 *
 * <p>Thread-safe; the secrets are fixed at construction.
 */
public final class WebhookSigner {
    private final List<WebhookSecret> secrets;

    /**
     * A signer that signs with every secret in {@code secrets}, in order.
     *
     * @throws IllegalArgumentException if {@code secrets} is empty
     */
    public WebhookSigner(List<WebhookSecret> secrets) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("a webhook signer needs at least one secret");
        }
        this.secrets = List.copyOf(secrets);
    }

    /**
     * The {@code webhook-signature} value for a message: one {@code v1,<base64>} entry per secret, space-separated.
     *
     * @param id the {@code webhook-id}; not blank, no control characters (it becomes a header)
     * @param timestamp unix seconds, not negative
     * @param body the exact bytes sent; empty for token callbacks
     */
    public String signature(String id, long timestamp, byte[] body) {
        checkId(id);
        if (timestamp < 0) {
            throw new IllegalArgumentException("webhook timestamp is negative: " + timestamp);
        }
        String timestampText = Long.toString(timestamp);
        StringJoiner entries = new StringJoiner(" ");
        for (WebhookSecret secret : secrets) {
            entries.add("v1," + Base64.getEncoder().encodeToString(HmacSha256.sign(secret, id, timestampText, body)));
        }
        return entries.toString();
    }

    /** The three headers for a message sent at {@code at} (truncated to whole seconds). */
    public SignedHeaders sign(String id, Instant at, byte[] body) {
        long timestamp = at.getEpochSecond();
        return new SignedHeaders(id, Long.toString(timestamp), signature(id, timestamp, body));
    }

    private static void checkId(String id) {
        if (id.isBlank()) {
            throw new IllegalArgumentException("webhook-id is blank");
        }
        if (id.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("webhook-id contains a control character");
        }
    }

    @Override
    public String toString() {
        return "WebhookSigner[secrets=" + secrets.size() + "]";
    }
}
