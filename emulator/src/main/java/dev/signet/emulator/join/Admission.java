package dev.signet.emulator.join;

import dev.signet.emulator.meetings.Meeting;
import dev.signet.emulator.meetings.MeetingSettings;
import dev.signet.emulator.meetings.MeetingStatus;
import dev.signet.emulator.meetings.ParticipantStatus;

/** Where a newcomer goes once every rule passed: waiting for the host, the waiting room, or the meeting. */
record Admission(ParticipantStatus placement, boolean starts) {
    /** A host (role 1 with the host's ZAK, or the host in person) enters and starts the meeting. */
    static Admission host() {
        return new Admission(ParticipantStatus.IN_MEETING, true);
    }

    /** Anyone else: waits for the host unless the meeting runs or allows joining first; then the waiting room. */
    static Admission attendee(Meeting meeting) {
        MeetingSettings settings = meeting.settings();
        boolean running = meeting.status() == MeetingStatus.STARTED;
        if (!running && !settings.joinBeforeHost()) {
            return new Admission(ParticipantStatus.WAITING_FOR_HOST, false);
        }
        if (settings.waitingRoom()) {
            return new Admission(ParticipantStatus.WAITING_ROOM, false);
        }
        return new Admission(ParticipantStatus.IN_MEETING, !running);
    }
}
