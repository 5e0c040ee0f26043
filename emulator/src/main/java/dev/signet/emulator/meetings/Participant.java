package dev.signet.emulator.meetings;

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
    private ParticipantStatus status;
    private @Nullable MeetingEvent terminal;
    private @Nullable EventSink sink;

    Participant(ParticipantDraft draft, ParticipantStatus status) {
        this.id = draft.id();
        this.displayName = draft.displayName();
        this.identity = draft.identity();
        this.role = draft.role();
        this.obfAuthorizerId = draft.obfAuthorizerId();
        this.person = draft.person();
        this.userEmail = draft.userEmail();
        this.localRecording = draft.localRecording();
        this.status = status;
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
    void end(ParticipantStatus finalStatus, MeetingEvent event) {
        status = finalStatus;
        terminal = event;
        deliver(event);
        detach();
    }

    void deliver(MeetingEvent event) {
        EventSink current = sink;
        if (current != null) {
            current.push(event);
        }
    }

    void attach(EventSink newSink) {
        detach();
        sink = newSink;
    }

    void detachIf(EventSink expected) {
        if (sink == expected) {
            detach();
        }
    }

    void detach() {
        EventSink current = sink;
        sink = null;
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
                localRecording);
    }
}
