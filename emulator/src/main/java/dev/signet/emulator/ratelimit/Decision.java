package dev.signet.emulator.ratelimit;

/** Whether a call may proceed under the account's rate limits. */
public sealed interface Decision {
    /** The call may proceed. */
    record Allowed() implements Decision {}

    /**
     * The call is refused: {@code type} is {@code QPS} or {@code Daily-limit}; {@code retryAfter} is seconds (QPS) or
     * an ISO-8601 instant (daily).
     */
    record Limited(Category category, String type, int limit, int remaining, String retryAfter, String message)
            implements Decision {}
}
