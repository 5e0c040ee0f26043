package dev.signet.platform.runtime;

import java.util.UUID;

/** What the bot API asks of the runtime, implemented by {@link BotRuntime}: look at due bots now, make a bot leave. */
public interface BotControl {
    /** A bot was created or rescheduled. */
    void wake();

    /** Makes an active bot leave its call; {@code false} if it is not active. */
    boolean leave(UUID botId);
}
