package dev.signet.emulator.meetings;

import org.jspecify.annotations.Nullable;

/** How other participants see a participant (the data of {@code participant_joined} / {@code _left}). */
public record ParticipantInfo(
        String participantId,
        String displayName,
        @Nullable String email,
        @Nullable String avatarUrl,
        boolean signedIn,
        Role role) {}
