package dev.signet.broker.grants;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One user's connection as operators see it: who, in which state, since when. Never the tokens.
 *
 * @param userId Zoom user id (the grant's key)
 * @param email the user's email at connect time
 * @param accountId the user's Zoom account
 * @param displayName the user's name at connect time
 * @param state connected or disconnected
 * @param connectedAt when the user (last) connected
 * @param refreshedAt when the refresh token was last rotated (or the grant created)
 * @param accessExpiresAt when the stored access token expires
 * @param scope the scopes granted, space-separated
 * @param lastError the last refresh failure, secret-free; null after a success
 */
public record Grant(
        String userId,
        String email,
        String accountId,
        String displayName,
        GrantState state,
        Instant connectedAt,
        Instant refreshedAt,
        Instant accessExpiresAt,
        String scope,
        @Nullable String lastError) {}
