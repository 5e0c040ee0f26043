package dev.signet.emulator.oauth;

import dev.signet.emulator.secret.RandomTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;

/** Authorization codes (single use, 10 minutes) and refresh tokens (rotating, 90 days) of user-level OAuth. */
public final class Grants {
    /** A user's authorization of an app. */
    public record Grant(String clientId, String userId, String redirectUri, Instant expiresAt) {}

    private static final Duration CODE_LIFE = Duration.ofMinutes(10);
    private static final Duration REFRESH_LIFE = Duration.ofDays(90);

    private final ConcurrentMap<String, Grant> codes = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Grant> refreshTokens = new ConcurrentHashMap<>();
    private final RandomTokens random;
    private final Clock clock;

    public Grants(RandomTokens random, Clock clock) {
        this.random = random;
        this.clock = clock;
    }

    /** Issues an authorization code for the consent a user just gave. */
    public String issueCode(String clientId, String userId, String redirectUri) {
        String code = random.token("", 24);
        codes.put(code, new Grant(clientId, userId, redirectUri, clock.instant().plus(CODE_LIFE)));
        return code;
    }

    /** Redeems a code once: it must be unexpired and issued to {@code clientId}. */
    public Optional<Grant> redeemCode(String code, String clientId) {
        Grant grant = codes.remove(code);
        return usable(grant, clientId);
    }

    /** Issues a refresh token. */
    public String issueRefresh(String clientId, String userId) {
        String token = random.token("emu_rt_", 48);
        refreshTokens.put(token, new Grant(clientId, userId, "", clock.instant().plus(REFRESH_LIFE)));
        return token;
    }

    /** Uses a refresh token once (it rotates: the caller issues a new one). */
    public Optional<Grant> redeemRefresh(String token, String clientId) {
        Grant grant = refreshTokens.remove(token);
        return usable(grant, clientId);
    }

    /** Forgets every grant of a user (the user was deleted). */
    public void revokeUser(String userId) {
        codes.values().removeIf(g -> g.userId().equals(userId));
        refreshTokens.values().removeIf(g -> g.userId().equals(userId));
    }

    private Optional<Grant> usable(@Nullable Grant grant, String clientId) {
        if (grant == null
                || !grant.clientId().equals(clientId)
                || !clock.instant().isBefore(grant.expiresAt())) {
            return Optional.empty();
        }
        return Optional.of(grant);
    }
}
