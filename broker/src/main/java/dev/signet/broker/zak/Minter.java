package dev.signet.broker.zak;

import dev.signet.zoom.users.UserToken;

/** Mints one ZAK for a Zoom user; in production {@code ZoomUsers.token(user, ZAK, ttl, null)}. */
@FunctionalInterface
public interface Minter {
    /**
     * Asks Zoom for a new ZAK.
     *
     * @throws dev.signet.zoom.ZoomException when Zoom refuses or cannot be reached
     */
    UserToken mint(String user);
}
