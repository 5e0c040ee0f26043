package dev.signet.platform.time;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** Waits for a while: the one injected way runtime code waits, so tests can replace real time. */
@FunctionalInterface
public interface Pause {
    /** Returns after {@code duration} has passed. */
    void pause(Duration duration) throws InterruptedException;

    /** Waits in real time; interruptible. */
    static Pause real() {
        return duration -> {
            long deadline = System.nanoTime() + duration.toNanos();
            for (long left = duration.toNanos(); left > 0; left = deadline - System.nanoTime()) {
                LockSupport.parkNanos(Math.min(left, TimeUnit.SECONDS.toNanos(1)));
                if (Thread.interrupted()) {
                    throw new InterruptedException("pause interrupted");
                }
            }
        };
    }
}
