package dev.signet.emulator.deauth;

import org.jspecify.annotations.Nullable;

/**
 * What became of one event notification: whether it was attempted (the app has an event URL), the receiver's HTTP
 * status when it answered, and why not otherwise.
 */
public record Delivery(
        boolean attempted,
        @Nullable Integer status,
        @Nullable String error) {
    /** The app has no event notification endpoint: nothing was sent. */
    static Delivery notConfigured() {
        return new Delivery(false, null, "the app has no event_url");
    }

    static Delivery answered(int status) {
        return new Delivery(true, status, null);
    }

    static Delivery failed(String error) {
        return new Delivery(true, null, error);
    }
}
