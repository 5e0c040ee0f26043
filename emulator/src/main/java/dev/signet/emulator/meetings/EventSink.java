package dev.signet.emulator.meetings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * The buffer between a participant and its one connected event stream: the meeting appends (under its own lock, so
 * one writer at a time), the stream's virtual thread takes everything that waits in one go.
 *
 * <p>An append adds a reference to a list (no allocation per event) and wakes the reader only when it is parked
 * waiting, so pushing one event to the 1,000 streams of a big meeting costs 1,000 appends and at most one wake-up per
 * idle stream, never a wait on a stream. The buffer is bounded: a stream with {@value #LIMIT} events waiting (its
 * client stopped reading) is cut and ends as if its client went away, so one slow client costs neither the meeting's
 * time nor unbounded memory.
 */
public final class EventSink {
    /** Events a stream may have waiting before it is cut. */
    static final int LIMIT = 65_536;

    /**
     * What the stream takes in one go: the events to write, in order, then whether the stream ends after them ({@code
     * closed}) or is cut without them ({@code overflowed}).
     */
    public record Batch(List<OutgoingEvent> events, boolean closed, boolean overflowed) {}

    private final Object lock = new Object();
    private final AtomicLong window;
    /** True while the reader is parked waiting for something (only then does an append wake it). */
    private final AtomicBoolean idle = new AtomicBoolean();

    private List<OutgoingEvent> waiting = new ArrayList<>();
    private boolean closed;
    private boolean overflowed;
    private volatile boolean ready;
    private volatile @Nullable Thread reader;

    /** @param window how long the stream rests after a write, in nanoseconds (its meeting sets it by its size) */
    EventSink(AtomicLong window) {
        this.window = window;
    }

    void push(OutgoingEvent event) {
        synchronized (lock) {
            if (closed || overflowed) {
                return;
            }
            if (waiting.size() >= LIMIT) {
                overflowed = true;
                waiting = List.of();
            } else {
                waiting.add(event);
            }
            ready = true;
        }
        wake();
    }

    /** Ends the stream after what is waiting. */
    public void close() {
        synchronized (lock) {
            closed = true;
            ready = true;
        }
        wake();
    }

    private void wake() {
        if (idle.get() && idle.compareAndSet(true, false)) {
            LockSupport.unpark(reader);
        }
    }

    /**
     * Waits until something is waiting or {@code wait} passed (time for a keep-alive); answers whether something is.
     * Only the stream's own thread calls this.
     */
    public boolean await(Duration wait) throws InterruptedException {
        reader = Thread.currentThread();
        long deadline = System.nanoTime() + wait.toNanos();
        while (!ready) {
            idle.set(true);
            if (ready) { // something came between the check and announcing the wait
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
     * Lets the meeting's batch window pass without being woken by appends, so that what arrives meanwhile goes out in
     * one write. Only the stream's own thread calls this.
     */
    public void rest() throws InterruptedException {
        long rest = window.get();
        long deadline = System.nanoTime() + rest;
        for (long left = rest; left > 0; left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(this, left);
            if (Thread.interrupted()) {
                throw new InterruptedException("event stream interrupted");
            }
        }
    }

    /** Takes everything waiting now, without waiting. */
    public Batch take() {
        synchronized (lock) {
            List<OutgoingEvent> events = waiting;
            if (!events.isEmpty() && !overflowed) {
                waiting = new ArrayList<>();
            }
            ready = false;
            return new Batch(events, closed, overflowed);
        }
    }
}
