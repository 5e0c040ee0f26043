package dev.signet.emulator.meetings;

import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One event on its way to one or many event streams. A meeting of 1,000 sends each {@code participant_joined} to
 * 1,000 streams: the event is rendered to its SSE bytes once, by whichever stream writes it first, and shared.
 */
public final class OutgoingEvent {
    private final MeetingEvent event;
    private volatile byte @Nullable [] frame;

    OutgoingEvent(MeetingEvent event) {
        this.event = event;
    }

    public MeetingEvent event() {
        return event;
    }

    /** The event's bytes on the wire, rendered by {@code render} on first use (a race renders twice, harmlessly). */
    public byte[] frame(Function<MeetingEvent, byte[]> render) {
        byte[] bytes = frame;
        if (bytes == null) {
            bytes = render.apply(event);
            frame = bytes;
        }
        return bytes;
    }
}
