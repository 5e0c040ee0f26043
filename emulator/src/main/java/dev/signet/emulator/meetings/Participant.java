package dev.signet.emulator.meetings;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One participant of one meeting. Its mutable state is guarded by the meeting's lock; read it through {@link
 * Meeting} methods or {@link #view()}.
 */
public final class Participant {
    private final String id;
    private final String displayName;
    private final @Nullable Identity identity;
    private final Role role;
    private final @Nullable String obfAuthorizerId;
    private final boolean person;
    private final @Nullable String userEmail;
    private final LocalRecording localRecording;
    private final OutgoingEvent joined;
    private final OutgoingEvent left;
    private final long ordinal;
    private ParticipantStatus status;
    private @Nullable MeetingEvent terminal;
    private @Nullable EventSink sink;
    private @Nullable Instant disconnectedAt;

    Participant(ParticipantDraft draft, ParticipantStatus status, long ordinal) {
        this.id = draft.id();
        this.ordinal = ordinal;
        this.displayName = draft.displayName();
        this.identity = draft.identity();
        this.role = draft.role();
        this.obfAuthorizerId = draft.obfAuthorizerId();
        this.person = draft.person();
        this.userEmail = draft.userEmail();
        this.localRecording = draft.localRecording();
        this.status = status;
        this.joined = new OutgoingEvent(new MeetingEvent.Joined(info()));
        this.left = new OutgoingEvent(new MeetingEvent.Left(info()));
    }

    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public @Nullable Identity identity() {
        return identity;
    }

    public Role role() {
        return role;
    }

    /** The user whose OBF token let this participant in, if any. */
    public @Nullable String obfAuthorizerId() {
        return obfAuthorizerId;
    }

    /** Whether a person (the host controls), not an SDK client, joined as this participant. */
    public boolean person() {
        return person;
    }

    /** The user this participant is signed in as, if any. */
    public @Nullable String userId() {
        return identity == null ? null : identity.userId();
    }

    /** The order in which participants joined their meeting (1 for the first). */
    long ordinal() {
        return ordinal;
    }

    ParticipantStatus status() {
        return status;
    }

    void status(ParticipantStatus newStatus) {
        status = newStatus;
    }

    @Nullable
    MeetingEvent terminal() {
        return terminal;
    }

    /** Ends this participant with a terminal event (removed, authorized user left, meeting ended). */
    void end(MeetingEvent event) {
        terminal = event;
        deliver(event);
        detach();
    }

    void deliver(MeetingEvent event) {
        deliver(new OutgoingEvent(event));
    }

    void deliver(OutgoingEvent event) {
        EventSink current = sink;
        if (current != null) {
            current.push(event);
        }
    }

    /** {@code participant_joined} for this participant, shared by every stream it is sent to. */
    OutgoingEvent joinedEvent() {
        return joined;
    }

    /** {@code participant_left} for this participant, shared by every stream it is sent to. */
    OutgoingEvent leftEvent() {
        return left;
    }

    void attach(EventSink newSink) {
        detach();
        sink = newSink;
        disconnectedAt = null;
    }

    /** The client of {@code expected} went away at {@code at}; answers whether it was the current stream. */
    boolean lostIf(EventSink expected, Instant at) {
        if (sink != expected) {
            return false;
        }
        detach();
        disconnectedAt = at;
        return true;
    }

    /** An SDK client that has not connected its stream yet: counted as gone from {@code at} until it connects. */
    void notConnectedSince(Instant at) {
        if (sink == null) {
            disconnectedAt = at;
        }
    }

    /** When this participant's client went away without a newer stream since; {@code null} while connected. */
    @Nullable
    Instant disconnectedAt() {
        return disconnectedAt;
    }

    void detach() {
        EventSink current = sink;
        sink = null;
        disconnectedAt = null;
        if (current != null) {
            current.close();
        }
    }

    /** How others see this participant. */
    ParticipantInfo info() {
        return new ParticipantInfo(
                id,
                displayName,
                identity == null ? null : identity.email(),
                identity == null ? null : identity.avatarUrl(),
                identity != null,
                role);
    }

    /** A snapshot for views. */
    ParticipantView view() {
        return new ParticipantView(
                id,
                displayName,
                status,
                role,
                identity == null ? null : identity.email(),
                identity == null ? null : identity.avatarUrl(),
                obfAuthorizerId != null,
                userEmail,
                localRecording,
                sink != null);
    }
}
