package dev.signet.zoom.users;

import dev.signet.secrets.Secret;
import java.time.Duration;
import java.time.Instant;

/**
 * A user token minted by Zoom.
 *
 * @param token the token (ZAK or OBF)
 * @param mintedAt when it was asked for (a lower bound of Zoom's own issue time)
 * @param expiresAt {@code mintedAt} plus the ttl asked for
 */
public record UserToken(Secret token, Instant mintedAt, Instant expiresAt) {
    public UserToken {
        if (token == null || mintedAt == null || expiresAt == null) {
            throw new IllegalArgumentException("token, mintedAt and expiresAt are required");
        }
        if (expiresAt.isBefore(mintedAt)) {
            throw new IllegalArgumentException("expiresAt is before mintedAt");
        }
    }

    /** Life left at {@code now}; zero once expired. */
    public Duration remaining(Instant now) {
        Duration left = Duration.between(now, expiresAt);
        return left.isNegative() ? Duration.ZERO : left;
    }
}
