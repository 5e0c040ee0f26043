package dev.signet.emulator.meetings;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An immutable snapshot of a meeting's REST-visible state. */
public record MeetingData(
        long id,
        String uuid,
        String accountId,
        String hostId,
        Instant createdAt,
        MeetingSchedule schedule,
        @Nullable String password,
        String encryptedPassword,
        MeetingSettings settings,
        int capacity,
        MeetingStatus status,
        boolean locked) {}
