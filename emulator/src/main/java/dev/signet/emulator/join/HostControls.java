package dev.signet.emulator.join;

import dev.signet.emulator.directory.Directory;
import dev.signet.emulator.directory.User;
import dev.signet.emulator.http.EmulatorException;
import dev.signet.emulator.meetings.Meeting;
import dev.signet.emulator.meetings.MeetingStatus;
import dev.signet.emulator.meetings.MeetingStore;
import dev.signet.emulator.meetings.Participant;
import dev.signet.emulator.meetings.ParticipantDraft;
import dev.signet.emulator.meetings.Role;
import org.jspecify.annotations.Nullable;

/** What a host (or a test acting as people) does to a meeting: start, add people, admit, remove, lock, end. */
public final class HostControls {
    private final MeetingStore meetings;
    private final Directory directory;
    private final People people;

    public HostControls(MeetingStore meetings, Directory directory, People people) {
        this.meetings = meetings;
        this.directory = directory;
        this.people = people;
    }

    /** The meeting with this number, or 404. */
    public Meeting meeting(String number) {
        try {
            return meetings.find(Long.parseLong(number.replace(" ", "")))
                    .orElseThrow(() -> EmulatorException.notFound("meeting " + number));
        } catch (NumberFormatException e) {
            throw EmulatorException.notFound("meeting " + number);
        }
    }

    /** The host joins in person and the meeting starts (again, if it had ended). */
    Participant start(String number, @Nullable String userId) {
        Meeting meeting = meeting(number);
        User host = user(userId == null ? meeting.hostId() : userId);
        if (!host.id().equals(meeting.hostId())) {
            throw EmulatorException.badRequest("user_id is not the meeting's host");
        }
        ParticipantDraft draft = new ParticipantDraft(
                people.newParticipantId(), host.displayName(), people.identity(host), Role.HOST, null, true);
        return meeting.enter(draft, Admission.host().placement(), true);
    }

    /** A person joins: signed in when {@code userId} is given; the usual waiting rules apply. */
    Participant person(String number, @Nullable String displayName, @Nullable String userId) {
        Meeting meeting = meeting(number);
        if (displayName == null || displayName.isBlank()) {
            throw EmulatorException.badRequest("display_name is required");
        }
        User user = userId == null ? null : user(userId);
        synchronized (meeting) {
            if (meeting.status() == MeetingStatus.ENDED) {
                throw EmulatorException.conflict("the meeting has ended");
            }
            Admission admission = Admission.attendee(meeting);
            ParticipantDraft draft = new ParticipantDraft(
                    people.newParticipantId(),
                    displayName,
                    user == null ? null : people.identity(user),
                    Role.ATTENDEE,
                    null,
                    true);
            return meeting.enter(draft, admission.placement(), admission.starts());
        }
    }

    void admit(String number, String participantId) {
        Meeting meeting = withParticipant(number, participantId);
        if (!meeting.admit(participantId)) {
            throw EmulatorException.conflict("participant " + participantId + " is not in the waiting room");
        }
    }

    void remove(String number, String participantId) {
        Meeting meeting = withParticipant(number, participantId);
        if (!meeting.remove(participantId)) {
            throw EmulatorException.conflict("participant " + participantId + " is not in the meeting");
        }
    }

    void lock(String number, boolean locked) {
        meeting(number).lock(locked);
    }

    void end(String number) {
        meeting(number).end();
    }

    private Meeting withParticipant(String number, String participantId) {
        Meeting meeting = meeting(number);
        if (meeting.participant(participantId).isEmpty()) {
            throw EmulatorException.notFound("participant " + participantId);
        }
        return meeting;
    }

    private User user(String userId) {
        return directory.findUser(userId).orElseThrow(() -> EmulatorException.badRequest("user_id is not a user"));
    }
}
