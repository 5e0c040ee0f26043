package dev.signet.broker.connect;

import dev.signet.zoom.users.SignedInUser;

/** How a connect flow ended at the callback. */
sealed interface ConnectOutcome {
    /** The grant is stored. */
    record Connected(SignedInUser user) implements ConnectOutcome {}

    /** The user declined on Zoom's consent page. */
    record Denied(String error) implements ConnectOutcome {}

    /** The callback's {@code state} is missing, unknown, used already or expired. */
    record InvalidState(String why) implements ConnectOutcome {}

    /** Zoom refused the authorization code (used, expired, wrong verifier or redirect). */
    record Refused(String reason) implements ConnectOutcome {}

    /** Zoom failed or did not answer. */
    record Failed(String reason) implements ConnectOutcome {}
}
