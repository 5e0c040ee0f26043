package dev.signet.emulator.oauth;

/** The result of looking up a bearer token. */
public sealed interface TokenCheck {
    /** The token is known and unexpired. */
    record Valid(AccessToken token) implements TokenCheck {}

    /** The token was issued but its {@code expires_in} has passed. */
    record Expired() implements TokenCheck {}

    /** The token was never issued here. */
    record Unknown() implements TokenCheck {}
}
