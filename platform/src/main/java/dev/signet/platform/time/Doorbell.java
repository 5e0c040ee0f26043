package dev.signet.platform.time;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A worker's idle wait that other threads can cut short. The worker waits through the injected {@link Pause};
 * {@link #ring()} interrupts it only while it waits here, never during I/O, and a ring while it is busy makes its
 * next wait return at once.
 */
public final class Doorbell {
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

    /**
     * Waits up to {@code timeout}, or until rung.
     *
     * @throws InterruptedException when something other than a ring interrupted the wait
     */
    public void await(Duration timeout) throws InterruptedException {
        synchronized (lock) {
            if (rung) {
                rung = false;
                return;
            }
            waiter = Thread.currentThread();
        }
        try {
            pause.pause(timeout);
        } catch (InterruptedException e) {
            synchronized (lock) {
                if (!rung) {
                    throw e;
                }
            }
        } finally {
            synchronized (lock) {
                waiter = null;
                if (rung) {
                    rung = false;
                    Thread.interrupted(); // the ring's interrupt, when it came just as the pause ended
                }
            }
        }
    }
}
