package dev.signet.emulator.meetings;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The participants of one meeting and the events their changes cause. Guarded by the meeting's lock.
 *
 * <p>What the join rules ask on every join is kept up to date as participants come and go instead of being counted
 * from the whole list: the number of active participants (capacity), who is in the meeting, in the order they joined
 * (the fan-out and a new stream's snapshot), and how many in-meeting participants are signed in as each user (OBF
 * presence). A join costs O(log n) here plus one push per participant in the meeting.
 */
final class Room {
    /** A stream's rest after a write, per participant in the meeting: 1,000 participants, 50 ms. */
    static final long WINDOW_PER_PARTICIPANT_NANOS = 50_000;
    /** The longest rest. */
    static final long MAX_WINDOW_NANOS = 50_000_000;

    private final Map<String, Participant> participants = new LinkedHashMap<>();
    /** Participants in the meeting (not waiting, not gone), by the order they joined. */
    private final NavigableMap<Long, Participant> inMeeting = new TreeMap<>();
    /** In-meeting participants signed in as each user. */
    private final Map<String, Integer> present = new HashMap<>();
    /** Participants whose client went away and who have not reconnected (usually none). */
    private final Set<Participant> lost = new LinkedHashSet<>();

    /** How long this meeting's streams rest after each write: longer in bigger meetings (see {@link EventSink}). */
    private final AtomicLong window = new AtomicLong();

    private int active;
    private long joined;

    Participant enter(ParticipantDraft draft, ParticipantStatus placement, Instant at) {
        if (participants.containsKey(draft.id())) {
            throw new IllegalStateException("participant id " + draft.id() + " is taken");
        }
        Participant participant = new Participant(draft, placement, ++joined);
        participants.put(participant.id(), participant);
        if (placement.active()) {
            active++;
        }
        if (placement == ParticipantStatus.IN_MEETING) {
            arrived(participant);
            announceEntry(participant);
        }
        if (!draft.person() && placement.active()) {
            // An SDK client joins and then connects its stream; one that never connects (it died in between) is a
            // lost connection from the start, dropped after the grace like any other.
            participant.notConnectedSince(at);
            lost.add(participant);
        }
        return participant;
    }

    Optional<Participant> find(String participantId) {
        return Optional.ofNullable(participants.get(participantId));
    }

    /** The meeting started: everyone waiting for the host moves on. */
    void hostArrived(boolean waitingRoom) {
        for (Participant p : List.copyOf(participants.values())) {
            if (p.status() == ParticipantStatus.WAITING_FOR_HOST) {
                if (waitingRoom && p.role() != Role.HOST) {
                    status(p, ParticipantStatus.WAITING_ROOM);
                    p.deliver(new MeetingEvent.Status(ParticipantStatus.WAITING_ROOM, p.role()));
                } else {
                    moveIn(p);
                }
            }
        }
    }

    boolean admit(String participantId) {
        Participant p = participants.get(participantId);
        if (p == null || p.status() != ParticipantStatus.WAITING_ROOM) {
            return false;
        }
        moveIn(p);
        return true;
    }

    boolean remove(String participantId) {
        Participant p = participants.get(participantId);
        if (p == null || !p.status().active()) {
            return false;
        }
        boolean wasIn = p.status() == ParticipantStatus.IN_MEETING;
        end(p, ParticipantStatus.REMOVED, MeetingEvent.Removed.of(!wasIn));
        departed(p, wasIn);
        return true;
    }

    boolean leave(String participantId) {
        Participant p = participants.get(participantId);
        if (p == null || !p.status().active()) {
            return false;
        }
        boolean wasIn = p.status() == ParticipantStatus.IN_MEETING;
        status(p, ParticipantStatus.LEFT);
        p.detach();
        departed(p, wasIn);
        return true;
    }

    void endAll() {
        for (Participant p : participants.values()) {
            if (p.status().active()) {
                end(p, ParticipantStatus.ENDED, MeetingEvent.Ended.INSTANCE);
            }
        }
    }

    /** Connects a new event stream: the snapshot first, then what happens next. */
    EventSink connect(Participant p) {
        EventSink sink = new EventSink(window);
        p.attach(sink);
        MeetingEvent terminal = p.terminal();
        if (terminal != null) {
            p.deliver(terminal);
            p.detach();
        } else if (!p.status().active()) {
            p.detach();
        } else {
            p.deliver(new MeetingEvent.Status(p.status(), p.role()));
            if (p.status() == ParticipantStatus.IN_MEETING) {
                inMeeting.values().forEach(q -> p.deliver(q.joinedEvent()));
            }
        }
        lost.remove(p);
        return sink;
    }

    /** The client of {@code p}'s stream {@code sink} went away at {@code at} (unless a newer stream replaced it). */
    void disconnect(Participant p, EventSink sink, Instant at) {
        if (p.lostIf(sink, at) && p.status().active()) {
            lost.add(p);
        }
    }

    /**
     * Everyone whose client went away at least {@code grace} before {@code now} and did not reconnect leaves, as Zoom
     * drops a participant whose connection is gone: others see {@code participant_left}, and its OBF participants
     * get {@code authorized_user_left}.
     */
    void reap(Instant now, Duration grace) {
        if (lost.isEmpty()) {
            return;
        }
        for (Participant p : List.copyOf(lost)) {
            Instant since = p.disconnectedAt();
            if (since == null || !p.status().active()) {
                lost.remove(p);
            } else if (!now.isBefore(since.plus(grace))) {
                lost.remove(p);
                leave(p.id());
            }
        }
    }

    boolean present(String userId) {
        return present.containsKey(userId);
    }

    int activeCount() {
        return active;
    }

    List<ParticipantView> views() {
        return participants.values().stream().map(Participant::view).toList();
    }

    void closeStreams() {
        participants.values().forEach(Participant::detach);
    }

    private void moveIn(Participant p) {
        status(p, ParticipantStatus.IN_MEETING);
        p.deliver(new MeetingEvent.Status(ParticipantStatus.IN_MEETING, p.role()));
        announceEntry(p);
    }

    /** Ends {@code p} with a final status and its terminal event (the stream closes after it). */
    private void end(Participant p, ParticipantStatus finalStatus, MeetingEvent event) {
        status(p, finalStatus);
        p.end(event);
    }

    /** Every status change goes through here, which keeps the counts and the in-meeting index right. */
    private void status(Participant p, ParticipantStatus next) {
        ParticipantStatus was = p.status();
        if (was == next) {
            return;
        }
        if (was.active() && !next.active()) {
            active--;
        }
        if (was == ParticipantStatus.IN_MEETING) {
            departedIndex(p);
        }
        p.status(next);
        if (next == ParticipantStatus.IN_MEETING) {
            arrived(p);
        }
    }

    private void arrived(Participant p) {
        inMeeting.put(p.ordinal(), p);
        resize();
        String userId = p.userId();
        if (userId != null) {
            present.merge(userId, 1, Integer::sum);
        }
    }

    private void departedIndex(Participant p) {
        inMeeting.remove(p.ordinal());
        resize();
        String userId = p.userId();
        if (userId != null) {
            present.computeIfPresent(userId, (u, n) -> n == 1 ? null : n - 1);
        }
    }

    /**
     * Every write of every stream of the meeting is followed by a rest of 50 µs per participant (at most 50 ms): a
     * meeting writes at most about 20,000 batches a second however many events it sends, and in a small meeting
     * events still go out at once.
     */
    private void resize() {
        window.set(Math.min(MAX_WINDOW_NANOS, inMeeting.size() * WINDOW_PER_PARTICIPANT_NANOS));
    }

    private void announceEntry(Participant newcomer) {
        OutgoingEvent joined = newcomer.joinedEvent();
        for (Participant q : inMeeting.values()) {
            newcomer.deliver(q.joinedEvent());
            if (q != newcomer) {
                q.deliver(joined);
            }
        }
    }

    private void departed(Participant p, boolean wasIn) {
        if (!wasIn) {
            return;
        }
        OutgoingEvent left = p.leftEvent();
        inMeeting.values().forEach(q -> q.deliver(left));
        String userId = p.userId();
        if (userId != null && !present(userId)) {
            for (Participant q : List.copyOf(participants.values())) {
                if (q.status().active() && Objects.equals(userId, q.obfAuthorizerId())) {
                    boolean qWasIn = q.status() == ParticipantStatus.IN_MEETING;
                    end(q, ParticipantStatus.REMOVED, MeetingEvent.AuthorizedUserLeft.INSTANCE);
                    departed(q, qWasIn);
                }
            }
        }
    }
}
