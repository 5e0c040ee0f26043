package dev.signet.emulator.meetings;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * A meeting: its schedule and settings (Zoom's REST resource) and its live room. Every method holds the
 * meeting's monitor; callers that must check and act atomically (the join rules) synchronize on the meeting.
 *
 * <p>A participant whose event stream's client went away and did not reconnect within the disconnect grace leaves
 * the meeting as Zoom drops a lost connection. The room is brought up to date with the clock whenever it is
 * looked at or changed, and by the store's sweeper in between.
 */
public final class Meeting {
    private final long id;
    private final String uuid;
    private final String accountId;
    private final String hostId;
    private final Instant createdAt;
    private final Room room = new Room();
    private final Clock clock;
    private final Duration disconnectGrace;
    private final BiConsumer<String, Meeting> onEnter;
    private MeetingSchedule schedule;
    private @Nullable String password;
    private String encryptedPassword;
    private MeetingSettings settings;
    private int capacity;
    private MeetingStatus status = MeetingStatus.WAITING;
    private boolean locked;

    Meeting(
            MeetingSpec spec,
            String uuid,
            String encryptedPassword,
            Clock clock,
            Duration disconnectGrace,
            BiConsumer<String, Meeting> onEnter) {
        this.clock = clock;
        this.disconnectGrace = disconnectGrace;
        this.onEnter = onEnter;
        Instant createdAt = clock.instant();
        this.id = spec.id();
        this.uuid = uuid;
        this.accountId = spec.accountId();
        this.hostId = spec.hostId();
        this.createdAt = createdAt;
        this.schedule = spec.schedule();
        this.password = spec.password();
        this.encryptedPassword = encryptedPassword;
        this.settings = spec.settings();
        this.capacity = spec.capacity();
    }

    public long id() {
        return id;
    }

    public String accountId() {
        return accountId;
    }

    public String hostId() {
        return hostId;
    }

    /** An immutable copy of the REST-visible state. */
    public synchronized MeetingData data() {
        reap();
        return new MeetingData(
                id,
                uuid,
                accountId,
                hostId,
                createdAt,
                schedule,
                password,
                encryptedPassword,
                settings,
                capacity,
                status,
                locked);
    }

    public synchronized MeetingStatus status() {
        reap();
        return status;
    }

    public synchronized MeetingSettings settings() {
        return settings;
    }

    /** Whether {@code passcode} is the meeting's passcode or its encrypted {@code pwd}; true with none set. */
    public synchronized boolean passcodeMatches(@Nullable String passcode) {
        if (password == null || password.isEmpty()) {
            return true;
        }
        return passcode != null && (passcode.equals(password) || passcode.equals(encryptedPassword));
    }

    public synchronized boolean locked() {
        return locked;
    }

    public synchronized boolean full() {
        reap();
        return room.activeCount() >= capacity;
    }

    /** Whether a participant signed in as {@code userId} is in the meeting (not waiting). */
    public synchronized boolean present(String userId) {
        reap();
        return room.present(userId);
    }

    /** Applies a REST update; a new passcode gets a new encrypted form. */
    public synchronized void update(MeetingUpdate update, String newEncryptedPassword) {
        schedule = update.applyTo(schedule);
        if (update.password() != null && !update.password().equals(password)) {
            password = update.password();
            encryptedPassword = newEncryptedPassword;
        }
        settings = update.applyTo(settings);
    }

    /** Adds a participant at {@code placement}; {@code starts} marks the meeting started first. */
    public synchronized Participant enter(ParticipantDraft draft, ParticipantStatus placement, boolean starts) {
        reap();
        if (starts) {
            status = MeetingStatus.STARTED;
        }
        Participant participant = room.enter(draft, placement, clock.instant());
        onEnter.accept(participant.id(), this);
        if (starts) {
            room.hostArrived(settings.waitingRoom());
        }
        return participant;
    }

    public synchronized Optional<Participant> participant(String participantId) {
        return room.find(participantId);
    }

    public synchronized boolean admit(String participantId) {
        return room.admit(participantId);
    }

    public synchronized boolean remove(String participantId) {
        return room.remove(participantId);
    }

    public synchronized boolean leave(String participantId) {
        return room.leave(participantId);
    }

    public synchronized void lock(boolean lock) {
        locked = lock;
    }

    /** Ends the meeting for everyone; answers false when it was not running. */
    public synchronized boolean end() {
        if (status == MeetingStatus.ENDED) {
            return false;
        }
        status = MeetingStatus.ENDED;
        locked = false;
        room.endAll();
        return true;
    }

    /** Connects the participant's one event stream (a second connection replaces the first). */
    public synchronized EventSink connect(Participant participant) {
        return room.connect(participant);
    }

    /**
     * Detaches a stream whose client went away, unless a newer stream replaced it; the participant leaves unless it
     * reconnects within the disconnect grace.
     */
    public synchronized void disconnect(Participant participant, EventSink sink) {
        room.disconnect(participant, sink, clock.instant());
    }

    /** Lets everyone whose client has been gone for the disconnect grace leave (the store's sweeper calls this). */
    public synchronized void reap() {
        room.reap(clock.instant(), disconnectGrace);
    }

    public synchronized List<ParticipantView> participants() {
        reap();
        return room.views();
    }

    /** Closes every open event stream (the emulator is stopping). */
    public synchronized void closeStreams() {
        room.closeStreams();
    }
}
