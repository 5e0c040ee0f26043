package dev.signet.secrets;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A credential (token, client secret, signing key) that redacts itself: {@link #toString()} and Jackson
 * serialization give {@code ***}; only {@link #reveal()} returns the value.
 *
 * @param value the credential; not blank
 */
public record Secret(String value) {
    private static final String REDACTED = "***";

    public Secret {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("secret must not be blank");
        }
    }

    /** Wraps {@code value}; the same as the constructor, for call sites that read better with a factory. */
    public static Secret of(String value) {
        return new Secret(value);
    }

    /** The credential itself: pass it on the wire, never to a logger or a message. */
    public String reveal() {
        return value;
    }

    /** What Jackson writes for a secret: the redaction, never the value. */
    @JsonValue
    String redacted() {
        return REDACTED;
    }

    @Override
    public String toString() {
        return REDACTED;
    }
}
