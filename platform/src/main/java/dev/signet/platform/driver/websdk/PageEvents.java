package dev.signet.platform.driver.websdk;

import dev.signet.platform.driver.DriverEvent;
import dev.signet.platform.driver.MeetingParticipant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Translates the join page's bridge events (the Meeting SDK's callbacks and {@code inMeetingServiceListener} events)
 * into {@link DriverEvent}s. Stateful per session, not thread-safe; no I/O.
 *
 * <p>The SDK reports participants before (or after) its join callback; participants seen before the bot is in the
 * meeting are held back until {@link DriverEvent.InMeeting}, so the runtime sees them. Nothing follows a final event.
 */
final class PageEvents {
    /** {@code onUserLeave} reason codes the SDK reports for the current user. */
    static final int HOST_ENDED_MEETING = 1;

    static final int KICK_OUT_FROM_MEETING = 6;
    static final int KICK_OUT_FROM_WAITING_ROOM = 7;

    private final List<DriverEvent> early = new ArrayList<>();
    private boolean answered;
    private boolean inMeeting;
    private boolean finished;
    private boolean leaving;
    private String selfId = "";

    /** Whether the SDK has answered the join (joined, refused, waiting): the join watchdog stops then. */
    boolean answered() {
        return answered;
    }

    /** Whether a final event was produced. */
    boolean finished() {
        return finished;
    }

    /** Marks that the bot itself asked to leave: its own leave events are not news. */
    void leaving() {
        leaving = true;
    }

    /** The driver events one bridge event means (often none). */
    List<DriverEvent> translate(Map<?, ?> event) {
        if (finished) {
            return List.of();
        }
        List<DriverEvent> out = new ArrayList<>();
        String type = text(event.get("type"));
        switch (type) {
            case "join_error", "init_error" ->
                finish(out, new DriverEvent.JoinRefused(number(event.get("code"), 1), text(event.get("message"))));
            case "waiting_for_host" -> {
                answered = true;
                if (!inMeeting) {
                    out.add(new DriverEvent.WaitingForHost());
                }
            }
            case "waiting_room" -> {
                answered = true;
                if (!inMeeting) {
                    out.add(new DriverEvent.InWaitingRoom());
                }
            }
            case "joined" -> {
                answered = true;
                selfId = text(event.get("selfId"));
                if (!inMeeting) {
                    inMeeting = true;
                    out.add(new DriverEvent.InMeeting(Boolean.TRUE.equals(event.get("host"))));
                    for (DriverEvent held : early) {
                        out.add(withSelf(held));
                    }
                    early.clear();
                }
            }
            case "user_join", "user_leave" -> participant(out, type, event.get("user"));
            case "self_left" -> selfLeft(out, number(event.get("reasonCode"), 0), number(event.get("errorCode"), 0));
            case "meeting_status" -> {
                if (number(event.get("status"), 0) == 3 && inMeeting && !leaving) {
                    finish(out, new DriverEvent.Disconnected("the Meeting SDK lost the meeting connection"));
                }
            }
            default -> {
                // init_ok, join_called and the like: progress only
            }
        }
        return out;
    }

    private void participant(List<DriverEvent> out, String type, @Nullable Object raw) {
        if (!(raw instanceof Map<?, ?> user)) {
            return;
        }
        MeetingParticipant participant = new MeetingParticipant(
                text(user.get("userId")),
                text(user.get("userName")),
                blankToNull(text(user.get("email"))),
                blankToNull(text(user.get("avatar"))),
                !Boolean.TRUE.equals(user.get("isGuest")),
                Boolean.TRUE.equals(user.get("isHost")),
                Boolean.TRUE.equals(user.get("isSelf")));
        DriverEvent event = type.equals("user_join")
                ? new DriverEvent.ParticipantJoined(participant)
                : new DriverEvent.ParticipantLeft(participant);
        if (inMeeting) {
            out.add(withSelf(event));
        } else {
            early.add(event);
        }
    }

    private void selfLeft(List<DriverEvent> out, int reasonCode, int errorCode) {
        if (errorCode == 4019) {
            finish(out, new DriverEvent.AuthorizedUserLeft());
        } else if (reasonCode == HOST_ENDED_MEETING) {
            finish(out, new DriverEvent.MeetingEnded());
        } else if (reasonCode == KICK_OUT_FROM_MEETING || reasonCode == KICK_OUT_FROM_WAITING_ROOM) {
            finish(out, new DriverEvent.Removed(reasonCode == KICK_OUT_FROM_WAITING_ROOM || !inMeeting));
        } else if (!leaving) {
            finish(
                    out,
                    new DriverEvent.Disconnected("the Meeting SDK left the meeting (reason code " + reasonCode + ")"));
        }
    }

    private DriverEvent withSelf(DriverEvent event) {
        if (event instanceof DriverEvent.ParticipantJoined joined) {
            return new DriverEvent.ParticipantJoined(markSelf(joined.participant()));
        }
        if (event instanceof DriverEvent.ParticipantLeft left) {
            return new DriverEvent.ParticipantLeft(markSelf(left.participant()));
        }
        return event;
    }

    private MeetingParticipant markSelf(MeetingParticipant p) {
        boolean self = p.self() || (!selfId.isEmpty() && selfId.equals(p.id()));
        return new MeetingParticipant(p.id(), p.displayName(), p.email(), p.avatarUrl(), p.signedIn(), p.host(), self);
    }

    private void finish(List<DriverEvent> out, DriverEvent event) {
        answered = true;
        finished = true;
        out.add(event);
    }

    private static String text(@Nullable Object value) {
        return value == null ? "" : String.valueOf(value);
    }

    private static @Nullable String blankToNull(String value) {
        return value.isBlank() ? null : value;
    }

    private static int number(@Nullable Object value, int fallback) {
        if (value instanceof Number n) {
            return n.intValue();
        }
        try {
            return value == null
                    ? fallback
                    : Integer.parseInt(String.valueOf(value).trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
