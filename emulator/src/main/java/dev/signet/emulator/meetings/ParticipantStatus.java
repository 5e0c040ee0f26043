package dev.signet.emulator.meetings;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a participant is: waiting, in the meeting, or gone (and why). */
public enum ParticipantStatus {
    WAITING_FOR_HOST,
    WAITING_ROOM,
    IN_MEETING,
    LEFT,
    REMOVED,
    ENDED;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the participant is still waiting or in the meeting. */
    public boolean active() {
        return this == WAITING_FOR_HOST || this == WAITING_ROOM || this == IN_MEETING;
    }
}
