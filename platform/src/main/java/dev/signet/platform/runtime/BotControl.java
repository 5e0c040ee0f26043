package dev.signet.platform.bot;

import java.util.UUID;

/** What the bot API asks of the runtime: look at due bots now, and make a bot leave. */
public interface BotControl {
    /** A bot was created or rescheduled. */
    void wake();

    /** Makes an active bot leave its call; {@code false} if it is not active. */
    boolean leave(UUID botId);
}
