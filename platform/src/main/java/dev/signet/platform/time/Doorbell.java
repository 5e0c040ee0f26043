package dev.signet.platform.time;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A worker's wait that other threads can cut short. {@link #ring()} interrupts the worker only while it waits here,
 * never during I/O, and a ring while it is busy makes its next wait return at once.
 */
public final class Doorbell {
    /** An interruptible wait: a {@link Pause}, or a meeting session's next event. */
    @FunctionalInterface
    public interface Wait<T> {
        T await() throws InterruptedException;
    }

    private final Pause pause;
    private final Object lock = new Object();
    private boolean rung; // guarded by lock
    private @Nullable Thread waiter; // guarded by lock

    public Doorbell(Pause pause) {
        this.pause = pause;
    }

    /** Ends the current wait, or the next one when nobody waits now. */
    public void ring() {
        synchronized (lock) {
            rung = true;
            if (waiter != null) {
                waiter.interrupt();
            }
        }
    }

    /** Pauses for {@code timeout}, or until rung. */
    public void await(Duration timeout) throws InterruptedException {
        await(() -> paused(timeout), false);
    }

    private boolean paused(Duration timeout) throws InterruptedException {
        pause.pause(timeout);
        return true;
    }

    /**
     * Runs {@code wait} unless rung since the last wait; a ring during it interrupts it.
     *
     * @return what {@code wait} returned, or {@code ifRung} when a ring skipped or ended it
     * @throws InterruptedException when something other than a ring interrupted the wait
     */
    public <T> T await(Wait<T> wait, T ifRung) throws InterruptedException {
        synchronized (lock) {
            if (rung) {
                rung = false;
                return ifRung;
            }
            waiter = Thread.currentThread();
        }
        try {
            return wait.await();
        } catch (InterruptedException e) {
            synchronized (lock) {
                if (!rung) {
                    throw e;
                }
            }
            return ifRung;
        } finally {
            synchronized (lock) {
                waiter = null;
                if (rung) {
                    rung = false;
                    Thread.interrupted(); // the ring's interrupt, when it came just as the wait ended
                }
            }
        }
    }
}
