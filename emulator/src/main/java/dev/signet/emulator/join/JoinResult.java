package dev.signet.emulator.join;

import dev.signet.emulator.meetings.ParticipantStatus;
import dev.signet.emulator.meetings.Role;
import org.jspecify.annotations.Nullable;

/** The outcome of a join: a participant, or Zoom's refusal. */
sealed interface JoinResult {
    /** The participant exists, waiting or in the meeting. */
    record Joined(
            String participantId,
            ParticipantStatus status,
            Role role,
            @Nullable String signedInAs) implements JoinResult {}

    /** Zoom refused the join. */
    record Refused(Refusal refusal) implements JoinResult {}
}
