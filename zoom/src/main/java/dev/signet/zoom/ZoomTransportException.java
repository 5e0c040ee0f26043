package dev.signet.zoom;

import org.jspecify.annotations.Nullable;

/** No usable answer from Zoom: the network failed, the call timed out, or the answer was malformed. */
public final class ZoomTransportException extends ZoomException {
    /** What went wrong. */
    public enum Kind {
        /** Connection refused, reset, DNS, TLS… */
        NETWORK,
        /** No answer within the request timeout. */
        TIMEOUT,
        /** Zoom answered 2xx with a body that is not what it documents. */
        MALFORMED,
        /** The calling thread was interrupted while waiting (its interrupt flag is set again). */
        INTERRUPTED
    }

    private final Kind kind;

    public ZoomTransportException(Kind kind, String message, @Nullable Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public boolean isTimeout() {
        return kind == Kind.TIMEOUT;
    }
}
