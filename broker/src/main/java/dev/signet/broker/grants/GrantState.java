package dev.signet.broker.grants;

import java.util.Locale;

/** Whether a grant can mint tokens. */
public enum GrantState {
    /** Zoom accepts the grant (as far as the broker knows). */
    CONNECTED,
    /** Zoom refused the grant ({@code invalid_grant}, revoked app): the user must connect again. */
    DISCONNECTED;

    /** The value stored and shown to operators: {@code connected}, {@code disconnected}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static GrantState fromWire(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }
}
