package dev.signet.emulator.meetings;

import org.jspecify.annotations.Nullable;

/**
 * Who is about to enter a meeting: everything about a participant that never changes, including the email it gave
 * (the SDK's {@code userEmail}) and whether it may record locally.
 */
public record ParticipantDraft(
        String id,
        String displayName,
        @Nullable Identity identity,
        Role role,
        @Nullable String obfAuthorizerId,
        boolean person,
        @Nullable String userEmail,
        LocalRecording localRecording) {
    public ParticipantDraft {
        if (displayName.isBlank()) {
            throw new IllegalArgumentException("display_name must not be blank");
        }
    }

    /** A participant that gave no email and no local-recording token. */
    public ParticipantDraft(
            String id,
            String displayName,
            @Nullable Identity identity,
            Role role,
            @Nullable String obfAuthorizerId,
            boolean person) {
        this(id, displayName, identity, role, obfAuthorizerId, person, null, LocalRecording.NONE);
    }
}
