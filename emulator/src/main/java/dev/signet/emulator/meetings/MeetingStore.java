package dev.signet.emulator.meetings;

import dev.signet.emulator.secret.RandomTokens;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** All meetings, by number. Thread-safe. */
public final class MeetingStore {
    /** A participant found by id, with its meeting. */
    public record Found(Meeting meeting, Participant participant) {}

    private final ConcurrentMap<Long, Meeting> meetings = new ConcurrentHashMap<>();
    /** Every participant's meeting, so that finding a participant takes no meeting's lock. */
    private final ConcurrentMap<String, Meeting> byParticipant = new ConcurrentHashMap<>();

    private final RandomTokens random;
    private final Clock clock;
    private final Duration disconnectGrace;

    /**
     * @param disconnectGrace how long a participant whose event stream's client went away stays before it leaves
     */
    public MeetingStore(RandomTokens random, Clock clock, Duration disconnectGrace) {
        this.random = random;
        this.clock = clock;
        this.disconnectGrace = disconnectGrace;
    }

    /** Creates a meeting; a spec id of 0 picks a fresh number. Throws when the id is taken. */
    public Meeting create(MeetingSpec spec) {
        long id = spec.id();
        while (id == 0 || (spec.id() == 0 && meetings.containsKey(id))) {
            id = random.digits(11);
        }
        MeetingSpec numbered = new MeetingSpec(
                id,
                spec.accountId(),
                spec.hostId(),
                spec.schedule(),
                spec.password(),
                spec.settings(),
                spec.capacity());
        Meeting meeting = new Meeting(
                numbered,
                random.token("", 16) + "==",
                newEncryptedPassword(),
                clock,
                disconnectGrace,
                byParticipant::put);
        if (meetings.putIfAbsent(id, meeting) != null) {
            throw new IllegalArgumentException("meeting id " + id + " already exists");
        }
        return meeting;
    }

    /** A fresh encrypted passcode ({@code pwd}) in Zoom's form: opaque text ending {@code .1}. */
    public String newEncryptedPassword() {
        return random.token("", 24) + ".1";
    }

    public Optional<Meeting> find(long id) {
        return Optional.ofNullable(meetings.get(id));
    }

    /** Deletes a meeting, ending it for anyone inside. */
    public Optional<Meeting> delete(long id) {
        Meeting removed = meetings.remove(id);
        if (removed != null) {
            removed.end();
            byParticipant.values().removeIf(m -> m == removed);
        }
        return Optional.ofNullable(removed);
    }

    /** All meetings, by number. */
    public List<Meeting> all() {
        List<Meeting> all = new ArrayList<>(meetings.values());
        all.sort(Comparator.comparingLong(Meeting::id));
        return all;
    }

    /** Finds a participant by id in any meeting. */
    public Optional<Found> findParticipant(String participantId) {
        Meeting meeting = byParticipant.get(participantId);
        if (meeting == null) {
            return Optional.empty();
        }
        return meeting.participant(participantId).map(p -> new Found(meeting, p));
    }

    /** Lets every participant whose client has been gone for the disconnect grace leave its meeting. */
    public void reapDisconnected() {
        meetings.values().forEach(Meeting::reap);
    }

    /** Closes every open event stream. */
    public void closeStreams() {
        meetings.values().forEach(Meeting::closeStreams);
    }
}
