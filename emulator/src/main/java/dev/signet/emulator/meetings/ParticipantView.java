package dev.signet.emulator.meetings;

import org.jspecify.annotations.Nullable;

/** A participant as the host-control API and the web pages show it. */
public record ParticipantView(
        String participantId,
        String displayName,
        ParticipantStatus status,
        Role role,
        @Nullable String signedInAs,
        @Nullable String avatarUrl,
        boolean onBehalfOf) {}
