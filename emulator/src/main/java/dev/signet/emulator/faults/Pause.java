package dev.signet.emulator.faults;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/** Waits for a while: the one place the emulator waits on purpose (added latency); tests inject their own. */
@FunctionalInterface
public interface Pause {
    /** Waits for {@code duration}; throws when interrupted. */
    void pause(Duration duration) throws InterruptedException;

    /** Really waits, parking the (virtual) thread until the time is up. */
    static Pause real() {
        return duration -> {
            long deadline = System.nanoTime() + duration.toNanos();
            for (long left = duration.toNanos(); left > 0; left = deadline - System.nanoTime()) {
                LockSupport.parkNanos(left);
                if (Thread.interrupted()) {
                    throw new InterruptedException("interrupted during added latency");
                }
            }
        };
    }
}
