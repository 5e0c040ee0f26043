package dev.signet.emulator.meetings;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a participant's event stream reports; each record is the event's JSON {@code data}. */
public sealed interface MeetingEvent {
    /** The SSE event name. */
    String eventName();

    /** Whether the stream closes after this event. */
    default boolean terminal() {
        return false;
    }

    /** The participant's own status changed (or is reported on connect). */
    record Status(ParticipantStatus status, Role role) implements MeetingEvent {
        @Override
        public String eventName() {
            return "status";
        }
    }

    /** Someone entered the meeting. */
    record Joined(@JsonValue ParticipantInfo participant) implements MeetingEvent {
        @Override
        public String eventName() {
            return "participant_joined";
        }
    }

    /** Someone left the meeting. */
    record Left(@JsonValue ParticipantInfo participant) implements MeetingEvent {
        @Override
        public String eventName() {
            return "participant_left";
        }
    }

    /** The host removed this participant. */
    record Removed(int errorCode, String reason, boolean fromWaitingRoom) implements MeetingEvent {
        public static Removed of(boolean fromWaitingRoom) {
            return new Removed(3009, "You have been removed by the host.", fromWaitingRoom);
        }

        @Override
        public String eventName() {
            return "removed";
        }

        @Override
        public boolean terminal() {
            return true;
        }
    }

    /** The user who authorized this OBF participant left; the participant is removed. */
    record AuthorizedUserLeft(int errorCode, String reason) implements MeetingEvent {
        public static final AuthorizedUserLeft INSTANCE =
                new AuthorizedUserLeft(4019, "The authorized user has left the meeting.");

        @Override
        public String eventName() {
            return "authorized_user_left";
        }

        @Override
        public boolean terminal() {
            return true;
        }
    }

    /** The host ended the meeting. */
    record Ended(int errorCode, String reason) implements MeetingEvent {
        public static final Ended INSTANCE = new Ended(4004, "The meeting has been ended by the host.");

        @Override
        public String eventName() {
            return "meeting_ended";
        }

        @Override
        public boolean terminal() {
            return true;
        }
    }
}
