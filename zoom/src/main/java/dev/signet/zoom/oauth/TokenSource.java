package dev.signet.zoom.oauth;

import dev.signet.secrets.Secret;

/** Something that hands out Zoom REST access tokens (S2S OAuth now, user OAuth later). */
public interface TokenSource {
    /**
     * A currently valid access token, fetched or refreshed if needed.
     *
     * @throws dev.signet.zoom.ZoomException when none can be had
     */
    Secret accessToken();

    /**
     * Drops {@code token} because Zoom refused it (401, code 124), so the next {@link #accessToken()} fetches a new
     * one. Does nothing if {@code token} is no longer the current one.
     */
    void invalidate(Secret token);
}
