package dev.signet.webhooks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Remembers message ids so a captured, validly signed message cannot be accepted twice.
 *
 * <p>A signature covers neither the URL's path nor its query, so without a guard anyone who sees one signed request
 * (a proxy log, a shared terminal) can repeat it for as long as its timestamp stays within the tolerance. The
 * {@link WebhookVerifier} consults the guard last, only for messages whose signature is valid, so forged requests
 * cannot fill it.
 *
 * <p>Implementations must be thread-safe.
 */
public interface ReplayGuard {

    /**
     * Records {@code id} and tells whether it is new.
     *
     * @param id the {@code webhook-id}
     * @param at the message's signed timestamp; the id is remembered until {@code at} (or now, if later) plus the
     *     guard's window, after which the verifier's tolerance check rejects the message by itself
     * @return {@code true} the first time an id is seen within the window, {@code false} for a replay
     */
    boolean firstSeen(String id, Instant at);

    /** A guard that remembers nothing and accepts every id, for callers that accept replays on purpose. */
    static ReplayGuard none() {
        return new NoReplayGuard();
    }

    /**
     * A guard that keeps ids in memory for {@code window}, holding at most {@code maxEntries} of them.
     *
     * <p>Use a window at least as long as the verifier's tolerance (normally the same duration), and size
     * {@code maxEntries} for the peak request rate times the window: see {@link InMemoryReplayGuard} for what
     * happens when it is full.
     */
    static InMemoryReplayGuard inMemory(Duration window, int maxEntries, Clock clock) {
        return new InMemoryReplayGuard(window, maxEntries, clock);
    }
}
