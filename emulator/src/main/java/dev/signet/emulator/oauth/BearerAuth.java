package dev.signet.emulator.oauth;

import dev.signet.emulator.directory.Account;
import dev.signet.emulator.directory.Directory;
import dev.signet.emulator.http.ZoomApiException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Authenticates Zoom API calls by their {@code Authorization: Bearer} token: 401 code 124 otherwise. */
public final class BearerAuth {
    private final TokenStore tokens;
    private final Directory directory;

    public BearerAuth(TokenStore tokens, Directory directory) {
        this.tokens = tokens;
        this.directory = directory;
    }

    /** The token's grant; throws Zoom's 124 for a missing, unknown or expired token or a blocked account. */
    public AccessToken authenticate(@Nullable String authorization) {
        if (authorization == null || !authorization.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
            throw ZoomApiException.invalidToken();
        }
        return switch (tokens.check(authorization.substring(7).trim())) {
            case TokenCheck.Valid(AccessToken token) -> {
                if (directory
                        .findAccount(token.accountId())
                        .map(Account::blocked)
                        .orElse(true)) {
                    throw ZoomApiException.invalidToken();
                }
                yield token;
            }
            case TokenCheck.Expired() -> throw new ZoomApiException(401, 124, "Access token is expired.");
            case TokenCheck.Unknown() -> throw ZoomApiException.invalidToken();
        };
    }
}
