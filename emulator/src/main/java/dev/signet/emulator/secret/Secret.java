package dev.signet.emulator.secret;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** A credential (client secret, SDK secret, token) whose {@code toString()} never shows it. */
public final class Secret {
    private final String value;

    private Secret(String value) {
        if (value.isEmpty()) {
            throw new IllegalArgumentException("a secret must not be empty");
        }
        this.value = value;
    }

    /** Wraps {@code value}; rejects an empty string. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Secret of(String value) {
        return new Secret(value);
    }

    /** The credential itself: only for the wire and for comparing. */
    public String reveal() {
        return value;
    }

    /** Whether {@code candidate} equals this secret, in time independent of where they differ. */
    public boolean matches(String candidate) {
        return MessageDigest.isEqual(
                value.getBytes(StandardCharsets.UTF_8), candidate.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret secret && matches(secret.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "***";
    }
}
