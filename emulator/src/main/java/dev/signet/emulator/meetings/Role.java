package dev.signet.emulator.meetings;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** A participant's role in a meeting. */
public enum Role {
    HOST,
    ATTENDEE;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
