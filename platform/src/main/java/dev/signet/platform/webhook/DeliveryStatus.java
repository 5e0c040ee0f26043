package dev.signet.platform.webhook;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Where a webhook delivery stands. */
public enum DeliveryStatus {
    /** Not yet delivered; due at {@code next_attempt_at}. */
    PENDING,
    /** A receiver answered 2xx. */
    DELIVERED,
    /** Every retry failed; an operator may replay it. */
    FAILED;

    /** The lowercase name used in the database and the API. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status named {@code text}, or {@code null}. */
    public static @Nullable DeliveryStatus fromWire(String text) {
        for (DeliveryStatus s : values()) {
            if (s.wire().equals(text)) {
                return s;
            }
        }
        return null;
    }
}
