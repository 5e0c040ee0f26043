package dev.signet.platform.driver;

import java.util.Objects;

/** What a {@link MeetingSession} reports about its meeting; a closed set, switched over exhaustively. */
public sealed interface DriverEvent {
    /** Whether the session ends with this event (nothing follows it). */
    default boolean isFinal() {
        return switch (this) {
            case JoinRefused r -> true;
            case Removed r -> true;
            case AuthorizedUserLeft a -> true;
            case MeetingEnded m -> true;
            case Disconnected d -> true;
            case DriverFailed f -> true;
            case WaitingForHost w -> false;
            case InWaitingRoom w -> false;
            case InMeeting m -> false;
            case ParticipantJoined p -> false;
            case ParticipantLeft p -> false;
        };
    }

    /** Zoom refused the join with a Web SDK error code (CONTRACTS.md §6); 1 for a network failure. */
    record JoinRefused(int zoomCode, String reason) implements DriverEvent {
        public JoinRefused {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The meeting has not started; the bot waits for the host. */
    record WaitingForHost() implements DriverEvent {}

    /** The bot waits in the meeting's waiting room. */
    record InWaitingRoom() implements DriverEvent {}

    /** The bot is in the meeting (admitted, or it started the meeting as host). */
    record InMeeting(boolean host) implements DriverEvent {}

    /** Someone entered the meeting (the bot itself included, flagged {@code self}). */
    record ParticipantJoined(MeetingParticipant participant) implements DriverEvent {
        public ParticipantJoined {
            Objects.requireNonNull(participant, "participant");
        }
    }

    /** Someone left the meeting. */
    record ParticipantLeft(MeetingParticipant participant) implements DriverEvent {
        public ParticipantLeft {
            Objects.requireNonNull(participant, "participant");
        }
    }

    /** The host removed the bot, from the meeting or from the waiting room. */
    record Removed(boolean fromWaitingRoom) implements DriverEvent {}

    /** The user who authorized the bot's OBF token left; Zoom removed the bot (4019). */
    record AuthorizedUserLeft() implements DriverEvent {}

    /** The host ended the meeting for everyone. */
    record MeetingEnded() implements DriverEvent {}

    /** The driver itself failed (SDK never loaded, its join watchdog fired, browser crashed); see {@link DriverFailure}. */
    record DriverFailed(DriverFailure failure, String reason) implements DriverEvent {
        public DriverFailed {
            Objects.requireNonNull(failure, "failure");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The connection to the meeting broke (event stream lost, network error). */
    record Disconnected(String reason) implements DriverEvent {
        public Disconnected {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
