package dev.signet.zoom.oauth;

import dev.signet.secrets.Secret;
import java.time.Duration;
import java.time.Instant;

/**
 * A user-level OAuth token pair as Zoom answers an authorization-code exchange or a refresh. Zoom rotates the refresh
 * token on every refresh: the one used is dead once this answer arrives, so store {@link #refreshToken()} before
 * anything else.
 *
 * @param accessToken bearer token for the REST API as this user (Zoom: 1 hour)
 * @param refreshToken the token for the next refresh (Zoom: 90 days, single use)
 * @param obtainedAt when the request was sent (a lower bound of Zoom's issue time)
 * @param expiresAt {@code obtainedAt} plus Zoom's {@code expires_in}
 * @param scope the granted scopes, space-separated; empty when Zoom did not say
 */
public record UserTokens(Secret accessToken, Secret refreshToken, Instant obtainedAt, Instant expiresAt, String scope) {
    public UserTokens {
        if (accessToken == null || refreshToken == null || obtainedAt == null || expiresAt == null || scope == null) {
            throw new IllegalArgumentException(
                    "accessToken, refreshToken, obtainedAt, expiresAt and scope are required");
        }
        if (expiresAt.isBefore(obtainedAt)) {
            throw new IllegalArgumentException("expiresAt is before obtainedAt");
        }
    }

    /** The access token's life as Zoom stated it. */
    public Duration life() {
        return Duration.between(obtainedAt, expiresAt);
    }
}
