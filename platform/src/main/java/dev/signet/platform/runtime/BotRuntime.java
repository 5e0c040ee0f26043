package dev.signet.platform.runtime;

import dev.signet.platform.driver.MeetingDriver;
import dev.signet.platform.token.TokenFetcher;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.UUID;

/**
 * Runs bots: dispatches due bots on a tick, runs each on its own virtual thread, and recovers bots after a restart.
 */
public final class BotRuntime implements AutoCloseable {
    private final BotStore store;
    private final MeetingDriver driver;
    private final TokenFetcher tokens;
    private final RuntimeSettings settings;
    private final Clock clock;
    private final MeterRegistry meters;

    public BotRuntime(
            BotStore store,
            MeetingDriver driver,
            TokenFetcher tokens,
            RuntimeSettings settings,
            Clock clock,
            MeterRegistry meters) {
        this.store = store;
        this.driver = driver;
        this.tokens = tokens;
        this.settings = settings;
        this.clock = clock;
        this.meters = meters;
    }

    /** Recovers unfinished bots, then starts the scheduler. */
    public void start() {
        throw new UnsupportedOperationException("not yet" + store + driver + tokens + settings + clock + meters);
    }

    /** Polls for due bots now instead of at the next tick (call after creating a bot). */
    public void wake() {}

    /** Makes a running bot leave its meeting ({@code call_ended} / {@code bot_received_leave_call}). */
    public boolean leave(UUID botId) {
        return false;
    }

    /** Stops taking work; the bots in meetings leave them (their status stays, so a restart rejoins them). */
    @Override
    public void close() {}
}
