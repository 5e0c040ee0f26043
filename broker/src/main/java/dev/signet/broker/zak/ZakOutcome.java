package dev.signet.broker.zak;

import dev.signet.secrets.Secret;
import java.time.Duration;

/** What a ZAK request comes to; the routes turn each case into one HTTP answer. */
public sealed interface ZakOutcome {
    /** A ZAK to hand out; {@code reused} when it came from the reuse window rather than a mint the caller awaited. */
    record Issued(Secret zak, boolean reused) implements ZakOutcome {}

    /** The caller named a user that is not configured. */
    record UnknownUser() implements ZakOutcome {}

    /** Zoom refused this one user (it does not exist, say); the pool sets it aside and tries the next. */
    record Refused(String reason) implements ZakOutcome {}

    /** Zoom rate-limits the account and no held ZAK has enough life left. */
    record RateLimited(Duration retryAfter) implements ZakOutcome {}

    /** Zoom failed or refused; {@code reason} is short and carries no secret. */
    record Failed(String reason) implements ZakOutcome {}
}
