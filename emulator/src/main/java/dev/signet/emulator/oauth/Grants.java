package dev.signet.emulator.oauth;

import dev.signet.emulator.secret.RandomTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;

/**
 * User-level OAuth state: authorization codes (single use, 10 minutes, optionally PKCE-bound), grants (one per user
 * and app, until revoked or deauthorized) and their refresh tokens (rotating, 90 days). Thread-safe.
 */
public final class Grants {
    /** A user's authorization of an app, from the consent until revocation or deauthorization. */
    public record Grant(String id, String clientId, String userId, Instant authorizedAt) {}

    /** What an authorization code was issued for. */
    record Code(
            String clientId,
            String userId,
            String redirectUri,
            @Nullable Pkce pkce,
            Instant expiresAt) {}

    private record Refresh(String grantId, String clientId, Instant expiresAt) {}

    private record Key(String clientId, String userId) {}

    static final Duration CODE_LIFE = Duration.ofMinutes(10);
    static final Duration REFRESH_LIFE = Duration.ofDays(90);

    private final ConcurrentMap<String, Code> codes = new ConcurrentHashMap<>();
    private final ConcurrentMap<Key, Grant> grants = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Refresh> refreshTokens = new ConcurrentHashMap<>();
    private final RandomTokens random;
    private final Clock clock;

    public Grants(RandomTokens random, Clock clock) {
        this.random = random;
        this.clock = clock;
    }

    /** Issues an authorization code for the consent a user just gave. */
    String issueCode(String clientId, String userId, String redirectUri, @Nullable Pkce pkce) {
        String code = random.token("", 24);
        codes.put(
                code,
                new Code(clientId, userId, redirectUri, pkce, clock.instant().plus(CODE_LIFE)));
        return code;
    }

    /** Redeems a code once: it must be unexpired and issued to {@code clientId}. */
    Optional<Code> redeemCode(String code, String clientId) {
        Code found = codes.remove(code);
        if (found == null || !found.clientId().equals(clientId) || expired(found.expiresAt())) {
            return Optional.empty();
        }
        return Optional.of(found);
    }

    /** The user's grant of the app, created at the first code exchange and kept across re-authorizations. */
    synchronized Grant authorize(String clientId, String userId) {
        return grants.computeIfAbsent(
                new Key(clientId, userId),
                k -> new Grant(random.token("grant_", 12), clientId, userId, clock.instant()));
    }

    /** Issues a refresh token of a grant. */
    String issueRefresh(Grant grant) {
        String token = random.token("emu_rt_", 48);
        refreshTokens.put(
                token, new Refresh(grant.id(), grant.clientId(), clock.instant().plus(REFRESH_LIFE)));
        return token;
    }

    /** Uses a refresh token once (it rotates: the caller issues a new one); its grant must still stand. */
    Optional<Grant> redeemRefresh(String token, String clientId) {
        Refresh refresh = refreshTokens.remove(token);
        if (refresh == null || !refresh.clientId().equals(clientId) || expired(refresh.expiresAt())) {
            return Optional.empty();
        }
        return findById(refresh.grantId());
    }

    /** The grant a live refresh token of {@code clientId} belongs to, without using the token. */
    Optional<Grant> findByRefresh(String token, String clientId) {
        Refresh refresh = refreshTokens.get(token);
        if (refresh == null || !refresh.clientId().equals(clientId) || expired(refresh.expiresAt())) {
            return Optional.empty();
        }
        return findById(refresh.grantId());
    }

    /** The user's grant of the app, if the user authorized it and it was not revoked since. */
    public Optional<Grant> find(String clientId, String userId) {
        return Optional.ofNullable(grants.get(new Key(clientId, userId)));
    }

    Optional<Grant> findById(String grantId) {
        return grants.values().stream().filter(g -> g.id().equals(grantId)).findFirst();
    }

    /** Deletes a grant and its refresh tokens; answers false when it was already gone. */
    synchronized boolean revoke(Grant grant) {
        boolean removed = grants.remove(new Key(grant.clientId(), grant.userId()), grant);
        refreshTokens.values().removeIf(r -> r.grantId().equals(grant.id()));
        return removed;
    }

    /** Forgets every code, grant and refresh token of a user (the user was deleted). */
    public synchronized void revokeUser(String userId) {
        codes.values().removeIf(c -> c.userId().equals(userId));
        List<Grant> gone =
                grants.values().stream().filter(g -> g.userId().equals(userId)).toList();
        gone.forEach(this::revoke);
    }

    /** Every standing grant, by user and app. */
    public List<Grant> all() {
        List<Grant> all = new ArrayList<>(grants.values());
        all.sort(Comparator.comparing(Grant::userId).thenComparing(Grant::clientId));
        return all;
    }

    private boolean expired(Instant expiresAt) {
        return !clock.instant().isBefore(expiresAt);
    }
}
