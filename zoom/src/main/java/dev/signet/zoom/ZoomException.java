package dev.signet.zoom;

import org.jspecify.annotations.Nullable;

/**
 * A failed call to Zoom: either Zoom answered with an error ({@link ZoomApiException}) or no usable answer came
 * back ({@link ZoomTransportException}). Messages never carry a token or a secret.
 */
public abstract sealed class ZoomException extends RuntimeException permits ZoomApiException, ZoomTransportException {
    protected ZoomException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
