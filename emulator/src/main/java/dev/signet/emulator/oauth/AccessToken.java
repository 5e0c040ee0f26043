package dev.signet.emulator.oauth;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What an access token grants: the app, its account, the authorizing user and their grant for user-level tokens
 * (both null for S2S), scopes and expiry. The token text itself is never part of this record.
 */
public record AccessToken(
        String clientId,
        String accountId,
        @Nullable String userId,
        @Nullable String grantId,
        Set<String> scopes,
        Instant expiresAt) {
    public AccessToken {
        scopes = Set.copyOf(scopes);
    }

    /** Whether a user authorized this token (user-level OAuth), rather than an account (S2S). */
    public boolean userLevel() {
        return userId != null;
    }
}
