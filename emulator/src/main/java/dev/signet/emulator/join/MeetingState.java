package dev.signet.emulator.join;

import dev.signet.emulator.meetings.MeetingStatus;
import dev.signet.emulator.meetings.ParticipantView;
import java.util.List;

/** {@code GET /emulator/meetings/{n}}: a meeting's live state. */
record MeetingState(
        long meetingNumber,
        String topic,
        String accountId,
        String hostId,
        MeetingStatus status,
        boolean locked,
        boolean hasPasscode,
        String joinUrl,
        Settings settings,
        List<ParticipantView> participants) {
    /** The settings that decide joins. */
    record Settings(
            boolean meetingAuthentication,
            List<String> authenticationDomains,
            boolean waitingRoom,
            boolean joinBeforeHost,
            int capacity) {}
}
