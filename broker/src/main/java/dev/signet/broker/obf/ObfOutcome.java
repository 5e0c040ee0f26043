package dev.signet.broker.obf;

import dev.signet.secrets.Secret;
import java.time.Duration;

/** The answer to one OBF request. */
public sealed interface ObfOutcome {
    /** A fresh OBF token, never handed out before. */
    record Minted(Secret token) implements ObfOutcome {}

    /** The user has no grant. */
    record NotConnected() implements ObfOutcome {}

    /** Zoom refused the user's grant; they must connect again. */
    record Disconnected() implements ObfOutcome {}

    /** Zoom rate-limited the broker; retry after the given time. */
    record RateLimited(Duration retryAfter) implements ObfOutcome {}

    /** Zoom refused or failed; the reason is short and secret-free. */
    record Failed(String reason) implements ObfOutcome {}
}
