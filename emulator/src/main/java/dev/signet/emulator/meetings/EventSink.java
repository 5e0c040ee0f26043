package dev.signet.emulator.meetings;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/** The queue between a participant and its one connected event stream. */
public final class EventSink {
    /** What the stream takes next: an event to send, or the end of the stream. */
    public sealed interface Item {
        /** Send this event. */
        record Deliver(OutgoingEvent event) implements Item {}

        /** Close the stream. */
        record Close() implements Item {}
    }

    private static final Item CLOSE = new Item.Close();

    private final BlockingQueue<Item> queue = new LinkedBlockingQueue<>();

    void push(OutgoingEvent event) {
        queue.add(new Item.Deliver(event));
    }

    /** Ends the stream after what is queued. */
    public void close() {
        queue.add(CLOSE);
    }

    /** The next item, or {@code null} when none came within {@code wait} (time for a keep-alive). */
    public @Nullable Item poll(Duration wait) throws InterruptedException {
        return queue.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Moves every item queued now to {@code into}, in order, without waiting. */
    public void drainTo(Collection<Item> into) {
        queue.drainTo(into);
    }
}
