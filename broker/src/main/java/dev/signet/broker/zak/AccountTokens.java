package dev.signet.broker.zak;

import dev.signet.zoom.Secret;
import dev.signet.zoom.ZoomException;
import dev.signet.zoom.oauth.TokenSource;

/**
 * The account's OAuth access tokens, marking a failure to obtain one so that an OAuth error (bad client secret, say)
 * is never mistaken for Zoom refusing one user.
 */
public final class AccountTokens implements TokenSource {
    private final TokenSource delegate;

    /** Wraps {@code delegate}, normally a {@code ZoomOAuth}. */
    public AccountTokens(TokenSource delegate) {
        this.delegate = delegate;
    }

    @Override
    public Secret accessToken() {
        try {
            return delegate.accessToken();
        } catch (ZoomException e) {
            throw new OAuthFailedException(e);
        }
    }

    @Override
    public void invalidate(Secret token) {
        delegate.invalidate(token);
    }

    /** Zoom's OAuth endpoint gave no access token; the cause says why (and carries no secret). */
    static final class OAuthFailedException extends RuntimeException {
        OAuthFailedException(ZoomException cause) {
            super("zoom oauth failed", cause);
        }
    }
}
