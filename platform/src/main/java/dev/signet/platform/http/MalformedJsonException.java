package dev.signet.platform.http;

/** A request body that is not JSON; becomes 400 {@code parse_error}. The message never quotes the body. */
public final class MalformedJsonException extends RuntimeException {
    public MalformedJsonException(String message) {
        super(message);
    }
}
