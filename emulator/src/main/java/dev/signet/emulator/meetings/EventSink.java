package dev.signet.emulator.meetings;

import java.time.Duration;
import java.util.Collection;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * The queue between a participant and its one connected event stream: many writers (the meeting, under its lock), one
 * reader (the stream's virtual thread).
 *
 * <p>A push is a lock-free append; it wakes the reader only when the reader is parked waiting for an item, so pushing
 * one event to the 1,000 streams of a big meeting costs 1,000 appends and at most one wake-up per idle stream, never
 * a wait on a stream. The buffer is bounded: a stream more than {@value #LIMIT} events behind (its client stopped
 * reading) is cut and ends as if its client went away, so one slow client costs neither the meeting's time nor
 * unbounded memory.
 */
public final class EventSink {
    /** Events a stream may have waiting before it is cut. */
    static final int LIMIT = 65_536;

    /** What the stream takes next: an event to send, or the end of the stream. */
    public sealed interface Item {
        /** Send this event. */
        record Deliver(OutgoingEvent event) implements Item {}

        /** Close the stream. */
        record Close() implements Item {}

        /** The stream fell more than {@link #LIMIT} events behind: end it as if its client went away. */
        record Overflow() implements Item {}
    }

    private static final Item CLOSE = new Item.Close();
    private static final Item OVERFLOW = new Item.Overflow();

    private final Queue<Item> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pending = new AtomicInteger();
    /** True while the reader is parked waiting for an item (only then does a push wake it). */
    private final AtomicBoolean idle = new AtomicBoolean();

    private volatile boolean overflowed;
    private volatile @Nullable Thread reader;

    void push(OutgoingEvent event) {
        if (overflowed) {
            return;
        }
        if (pending.incrementAndGet() > LIMIT) {
            overflowed = true;
            add(OVERFLOW);
            return;
        }
        add(new Item.Deliver(event));
    }

    /** Ends the stream after what is queued. */
    public void close() {
        add(CLOSE);
    }

    /** Whether the stream was cut for falling too far behind. */
    boolean overflowed() {
        return overflowed;
    }

    private void add(Item item) {
        queue.add(item);
        if (idle.get() && idle.compareAndSet(true, false)) {
            LockSupport.unpark(reader);
        }
    }

    /**
     * Waits until an item is queued or {@code wait} passed (time for a keep-alive); answers whether one is. Only the
     * stream's own thread calls this.
     */
    public boolean await(Duration wait) throws InterruptedException {
        reader = Thread.currentThread();
        long deadline = System.nanoTime() + wait.toNanos();
        while (queue.isEmpty()) {
            idle.set(true);
            if (!queue.isEmpty()) { // an item came between the check and announcing the wait
                idle.set(false);
                return true;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                idle.set(false);
                return false;
            }
            LockSupport.parkNanos(this, left);
            idle.set(false);
            if (Thread.interrupted()) {
                throw new InterruptedException("event stream interrupted");
            }
        }
        return true;
    }

    /**
     * Lets {@code window} pass without being woken by pushes, so that what arrives meanwhile goes out in one write.
     * Only the stream's own thread calls this.
     */
    public void rest(Duration window) throws InterruptedException {
        long deadline = System.nanoTime() + window.toNanos();
        for (long left = window.toNanos(); left > 0; left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(this, left);
            if (Thread.interrupted()) {
                throw new InterruptedException("event stream interrupted");
            }
        }
    }

    /** Moves every item queued now to {@code into}, in order, without waiting. */
    public void drainTo(Collection<Item> into) {
        int events = 0;
        for (Item item = queue.poll(); item != null; item = queue.poll()) {
            into.add(item);
            if (item instanceof Item.Deliver) {
                events++;
            }
        }
        pending.addAndGet(-events);
    }
}
