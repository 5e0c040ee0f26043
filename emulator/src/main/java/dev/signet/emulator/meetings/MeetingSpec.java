package dev.signet.emulator.meetings;

import org.jspecify.annotations.Nullable;

/** What a new meeting is made from; {@code id} 0 asks the store to pick a fresh 11-digit number. */
public record MeetingSpec(
        long id,
        String accountId,
        String hostId,
        MeetingSchedule schedule,
        @Nullable String password,
        MeetingSettings settings,
        int capacity) {
    public MeetingSpec {
        if (id != 0 && (id < 100_000_000L || id > 99_999_999_999L)) {
            throw new IllegalArgumentException("meeting id must have 9 to 11 digits");
        }
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        if (password != null && password.length() > 10) {
            throw new IllegalArgumentException("password must be at most 10 characters");
        }
    }
}
