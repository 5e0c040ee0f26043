package dev.signet.emulator.meetings;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The descriptive part of a meeting: topic, type, time, duration, time zone, agenda. */
public record MeetingSchedule(
        String topic, int type, @Nullable Instant startTime, int duration, String timezone, String agenda) {
    public MeetingSchedule {
        if (type != 1 && type != 2 && type != 3 && type != 8) {
            throw new IllegalArgumentException("type must be 1, 2, 3 or 8");
        }
        if (duration < 0) {
            throw new IllegalArgumentException("duration must not be negative");
        }
    }

    /** A scheduled meeting (type 2) with this topic, 60 minutes, UTC. */
    public static MeetingSchedule of(String topic) {
        return new MeetingSchedule(topic, 2, null, 60, "UTC", "");
    }
}
