package dev.signet.platform.driver;

import java.time.Duration;
import java.util.Optional;

/** One join attempt of one bot: a stream of {@link DriverEvent}s, read by the bot's runner thread only. */
public interface MeetingSession extends AutoCloseable {
    /**
     * The next event, waiting at most {@code timeout}; empty when none arrived in time.
     *
     * <p>After a final event ({@link DriverEvent#isFinal()}) the session yields nothing more.
     *
     * @throws InterruptedException when the runner thread is interrupted (the runtime interrupts it to make the
     *     bot leave)
     */
    Optional<DriverEvent> next(Duration timeout) throws InterruptedException;

    /** Leaves the meeting (or gives up the attempt); idempotent, never throws for an unreachable meeting. */
    void leave();

    /** Releases the session's resources; leaves the meeting if still in it. */
    @Override
    void close();
}
