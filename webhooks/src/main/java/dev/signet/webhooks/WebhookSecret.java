package dev.signet.webhooks;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.spec.SecretKeySpec;

/**
 * A Standard Webhooks signing key: the base64-decoded part of a {@code whsec_…} secret.
 *
 * <p>{@link #toString()} is {@code ***}, so the key cannot leak through a log line, an exception message or a
 * debugger-friendly record. Instances are immutable and safe to share between threads.
 */
public final class WebhookSecret {
    /** The prefix Standard Webhooks puts in front of a base64-encoded key. */
    public static final String PREFIX = "whsec_";

    /** Length of a key made by {@link #generate}: 256 bits, the HMAC-SHA256 block-size sweet spot. */
    static final int GENERATED_KEY_BYTES = 32;

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    private WebhookSecret(byte[] key) {
        this.key = new SecretKeySpec(key, ALGORITHM);
    }

    /**
     * Parses {@code whsec_<base64>}, the form Standard Webhooks (and Svix) hand out.
     *
     * <p>For interoperability with senders that print the key without its prefix, a bare base64 string is accepted
     * too. Surrounding whitespace (a trailing newline from an environment file) is ignored; padding is optional.
     *
     * @throws IllegalArgumentException if the text is empty, is not base64 or decodes to no bytes; the message never
     *     contains the text itself
     */
    public static WebhookSecret parse(String text) {
        Objects.requireNonNull(text, "webhook secret");
        String encoded = text.strip();
        if (encoded.startsWith(PREFIX)) {
            encoded = encoded.substring(PREFIX.length());
        }
        if (encoded.isEmpty()) {
            throw new IllegalArgumentException("webhook secret is empty (expected whsec_<base64>)");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            // The decoder's message names the offending character, a piece of the secret: drop it and the cause.
            throw new IllegalArgumentException("webhook secret is not valid base64 (expected whsec_<base64>)");
        }
        if (key.length == 0) {
            throw new IllegalArgumentException("webhook secret decodes to an empty key (expected whsec_<base64>)");
        }
        return new WebhookSecret(key);
    }

    /** A fresh random secret of {@value #GENERATED_KEY_BYTES} bytes; print it once with {@link #encoded()}. */
    public static WebhookSecret generate(SecureRandom random) {
        byte[] key = new byte[GENERATED_KEY_BYTES];
        random.nextBytes(key);
        return new WebhookSecret(key);
    }

    /**
     * The secret as {@code whsec_<base64>}, for showing a generated secret to its owner once. Never log it.
     */
    public String encoded() {
        return PREFIX + Base64.getEncoder().encodeToString(key.getEncoded());
    }

    /** The HMAC-SHA256 key; {@link SecretKeySpec} hands out copies of its bytes only. */
    SecretKeySpec key() {
        return key;
    }

    @Override
    public String toString() {
        return "***";
    }
}
