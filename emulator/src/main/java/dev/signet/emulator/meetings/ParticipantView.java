package dev.signet.emulator.meetings;

import org.jspecify.annotations.Nullable;

/**
 * A participant as the host-control API and the web pages show it: {@code userEmail} is the email it gave (the SDK's
 * {@code userEmail}, unverified), {@code localRecording} its local-recording permission, {@code connected} whether an
 * event stream is attached now. Never a token.
 */
public record ParticipantView(
        String participantId,
        String displayName,
        ParticipantStatus status,
        Role role,
        @Nullable String signedInAs,
        @Nullable String avatarUrl,
        boolean onBehalfOf,
        @Nullable String userEmail,
        LocalRecording localRecording,
        boolean connected) {}
