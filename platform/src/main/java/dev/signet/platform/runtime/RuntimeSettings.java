package dev.signet.platform.runtime;

import dev.signet.zoom.sdk.SdkCredentials;
import java.time.Duration;
import java.util.Objects;

/**
 * How the bot runtime schedules and runs bots.
 *
 * @param tick how often the scheduler polls for due bots (it also polls on {@link BotRuntime#wake()})
 * @param batchSize the most bots dispatched per poll
 * @param sdk the Meeting SDK app whose signatures the bots present
 * @param joinWatchdog how long a join attempt may take before the bot ends {@code fatal} / {@code zoom_join_timeout}
 * @param maxJoinAttempts attempts per bot for retryable failures (network errors, lost connections)
 * @param retryBackoff the wait before a retry; doubles for each further retry
 * @param hostPollInterval how often a bot refused with "meeting not started" (3008) tries again
 * @param obfRetryInterval how often a bot whose OBF user is not in the meeting yet retries with a fresh token (each
 *     retry mints a token, and at Zoom may notify the host)
 * @param shutdownGrace how long {@link BotRuntime#close()} waits for the bots to leave their meetings
 * @param node this node's capacity, lease and polls (many nodes on one database)
 */
public record RuntimeSettings(
        Duration tick,
        int batchSize,
        SdkCredentials sdk,
        Duration joinWatchdog,
        int maxJoinAttempts,
        Duration retryBackoff,
        Duration hostPollInterval,
        Duration obfRetryInterval,
        Duration shutdownGrace,
        NodeSettings node) {
    public RuntimeSettings {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(tick, "tick");
        Objects.requireNonNull(sdk, "sdk");
        Objects.requireNonNull(joinWatchdog, "joinWatchdog");
        Objects.requireNonNull(retryBackoff, "retryBackoff");
        Objects.requireNonNull(hostPollInterval, "hostPollInterval");
        Objects.requireNonNull(obfRetryInterval, "obfRetryInterval");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
        }
        if (maxJoinAttempts < 1) {
            throw new IllegalArgumentException("maxJoinAttempts must be at least 1, was " + maxJoinAttempts);
        }
    }

    /** These settings with {@link NodeSettings#defaults()}. */
    public RuntimeSettings(
            Duration tick,
            int batchSize,
            SdkCredentials sdk,
            Duration joinWatchdog,
            int maxJoinAttempts,
            Duration retryBackoff,
            Duration hostPollInterval,
            Duration obfRetryInterval,
            Duration shutdownGrace) {
        this(
                tick,
                batchSize,
                sdk,
                joinWatchdog,
                maxJoinAttempts,
                retryBackoff,
                hostPollInterval,
                obfRetryInterval,
                shutdownGrace,
                NodeSettings.defaults());
    }

    /** The default OBF retry interval: 6 token mints a minute per waiting bot. */
    public static final Duration DEFAULT_OBF_RETRY_INTERVAL = Duration.ofSeconds(10);

    /**
     * A 1 s tick, 500 bots a poll, 60 s join watchdog, 3 attempts from 1 s backoff, 5 s host polls, 10 s OBF retries,
     * 10 s grace.
     */
    public static RuntimeSettings defaults(SdkCredentials sdk) {
        return new RuntimeSettings(
                Duration.ofSeconds(1),
                500,
                sdk,
                Duration.ofSeconds(60),
                3,
                Duration.ofSeconds(1),
                Duration.ofSeconds(5),
                DEFAULT_OBF_RETRY_INTERVAL,
                Duration.ofSeconds(10));
    }

    /** These settings with another {@link #obfRetryInterval}. */
    public RuntimeSettings withObfRetryInterval(Duration interval) {
        return new RuntimeSettings(
                tick,
                batchSize,
                sdk,
                joinWatchdog,
                maxJoinAttempts,
                retryBackoff,
                hostPollInterval,
                interval,
                shutdownGrace,
                node);
    }

    /** These settings with another {@link #node}. */
    public RuntimeSettings withNode(NodeSettings node) {
        return new RuntimeSettings(
                tick,
                batchSize,
                sdk,
                joinWatchdog,
                maxJoinAttempts,
                retryBackoff,
                hostPollInterval,
                obfRetryInterval,
                shutdownGrace,
                node);
    }
}
