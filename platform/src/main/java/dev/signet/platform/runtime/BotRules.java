package dev.signet.platform.runtime;

import java.time.Duration;
import java.util.Objects;

/**
 * The fixed inputs of one bot's {@link BotTransitions}.
 *
 * @param presented the credential the bot fetches before each attempt and presents to Zoom
 * @param leave the bot's automatic-leave timeouts
 * @param joinWatchdog how long one join attempt may take
 * @param maxJoinAttempts attempts for retryable failures
 * @param retryBackoff the first retry's wait; doubles for each further retry
 * @param hostPollInterval how often a bot refused with 3008 tries again
 * @param obfRetryInterval how often a bot whose OBF user is not in the meeting (4017) tries again with a fresh token
 */
record BotRules(
        JoinCredentials.Presented presented,
        AutomaticLeave leave,
        Duration joinWatchdog,
        int maxJoinAttempts,
        Duration retryBackoff,
        Duration hostPollInterval,
        Duration obfRetryInterval) {
    BotRules {
        Objects.requireNonNull(presented, "presented");
        Objects.requireNonNull(leave, "leave");
        Objects.requireNonNull(joinWatchdog, "joinWatchdog");
        Objects.requireNonNull(retryBackoff, "retryBackoff");
        Objects.requireNonNull(hostPollInterval, "hostPollInterval");
        Objects.requireNonNull(obfRetryInterval, "obfRetryInterval");
    }

    /** Whether the bot presents a ZAK (it may then ask to start the meeting). */
    boolean hasZak() {
        return presented == JoinCredentials.Presented.ZAK;
    }

    static BotRules of(RunnableBot bot, RuntimeSettings settings) {
        return new BotRules(
                bot.credentials().presented(),
                bot.automaticLeave(),
                settings.joinWatchdog(),
                settings.maxJoinAttempts(),
                settings.retryBackoff(),
                settings.hostPollInterval(),
                settings.obfRetryInterval());
    }
}
