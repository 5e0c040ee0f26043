package dev.signet.emulator.join;

import dev.signet.emulator.meetings.ParticipantStatus;
import dev.signet.emulator.meetings.Role;
import org.jspecify.annotations.Nullable;

/** The join protocol's 200 answer. */
record JoinResponse(
        String participantId,
        ParticipantStatus status,
        Role role,
        @Nullable String signedInAs,
        String eventsUrl,
        String leaveUrl) {}
