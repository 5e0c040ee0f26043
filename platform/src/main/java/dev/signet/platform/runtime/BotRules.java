package dev.signet.platform.runtime;

import java.time.Duration;
import java.util.Objects;

/**
 * The fixed inputs of one bot's {@link BotTransitions}.
 *
 * @param hasZak whether the bot fetches a ZAK before each attempt
 * @param leave the bot's automatic-leave timeouts
 * @param joinWatchdog how long one join attempt may take
 * @param maxJoinAttempts attempts for retryable failures
 * @param retryBackoff the first retry's wait; doubles for each further retry
 * @param hostPollInterval how often a bot refused with 3008 or 4017 tries again
 */
record BotRules(
        boolean hasZak,
        AutomaticLeave leave,
        Duration joinWatchdog,
        int maxJoinAttempts,
        Duration retryBackoff,
        Duration hostPollInterval) {
    BotRules {
        Objects.requireNonNull(leave, "leave");
        Objects.requireNonNull(joinWatchdog, "joinWatchdog");
        Objects.requireNonNull(retryBackoff, "retryBackoff");
        Objects.requireNonNull(hostPollInterval, "hostPollInterval");
    }

    static BotRules of(RunnableBot bot, RuntimeSettings settings) {
        return new BotRules(
                bot.zakUrl() != null,
                bot.automaticLeave(),
                settings.joinWatchdog(),
                settings.maxJoinAttempts(),
                settings.retryBackoff(),
                settings.hostPollInterval());
    }
}
