package dev.signet.webhooks;

/** The outcome of verifying one message: {@link Valid} or {@link Invalid} with the reason. */
public sealed interface Verification {

    /** Whether the message is authentic, fresh and not a replay. */
    default boolean isValid() {
        return this instanceof Valid;
    }

    /**
     * An authentic, fresh message seen for the first time.
     *
     * @param id its {@code webhook-id}
     */
    record Valid(String id) implements Verification {}

    /**
     * A message to reject. The reason is for logs and metrics; answer the sender without it.
     *
     * @param reason why it was rejected
     */
    record Invalid(Reason reason) implements Verification {}

    /** Why a message was rejected, in the order the checks run. */
    enum Reason {
        /** A {@code webhook-id}, {@code webhook-timestamp} or {@code webhook-signature} header is absent or blank. */
        MISSING_HEADERS,
        /** The timestamp is not a non-negative whole number of seconds. */
        BAD_TIMESTAMP,
        /** The timestamp is older than the tolerance. */
        TOO_OLD,
        /** The timestamp is further in the future than the tolerance. */
        TOO_NEW,
        /** No {@code v1} signature matches any secret. */
        NO_MATCHING_SIGNATURE,
        /** A valid message whose id was already accepted within the tolerance window. */
        REPLAYED
    }
}
