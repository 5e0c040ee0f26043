package dev.signet.platform.token;

import java.net.UnknownHostException;

/** A token URL's host resolved to an address the platform may not call; thrown by its DNS and socket guards. */
final class BlockedAddressException extends UnknownHostException {
    private static final long serialVersionUID = 1L;

    BlockedAddressException(String message) {
        super(message);
    }
}
