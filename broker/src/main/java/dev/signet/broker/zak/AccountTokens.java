package dev.signet.broker.zak;

import dev.signet.zoom.Secret;
import dev.signet.zoom.ZoomException;
import dev.signet.zoom.oauth.TokenSource;
import java.util.function.Consumer;

/**
 * The account's OAuth access tokens, marking a failure to obtain one so that an OAuth error (bad client secret, say)
 * is never mistaken for Zoom refusing one user.
 */
public final class AccountTokens implements TokenSource {
    private final TokenSource delegate;
    private final Consumer<Secret> onToken;

    /**
     * Wraps {@code delegate}, normally a {@code ZoomOAuth}.
     *
     * @param onToken sees every access token handed out (the log guard learns it)
     */
    public AccountTokens(TokenSource delegate, Consumer<Secret> onToken) {
        this.delegate = delegate;
        this.onToken = onToken;
    }

    @Override
    public Secret accessToken() {
        try {
            Secret token = delegate.accessToken();
            onToken.accept(token);
            return token;
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
