package dev.signet.emulator.meetings;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a meeting is in its life, as Zoom's API names it. */
public enum MeetingStatus {
    WAITING,
    STARTED,
    ENDED;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
