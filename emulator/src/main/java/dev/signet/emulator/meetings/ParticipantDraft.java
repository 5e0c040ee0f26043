package dev.signet.emulator.meetings;

import org.jspecify.annotations.Nullable;

/** Who is about to enter a meeting: everything about a participant that never changes. */
public record ParticipantDraft(
        String id,
        String displayName,
        @Nullable Identity identity,
        Role role,
        @Nullable String obfAuthorizerId,
        boolean person) {
    public ParticipantDraft {
        if (displayName.isBlank()) {
            throw new IllegalArgumentException("display_name must not be blank");
        }
    }
}
