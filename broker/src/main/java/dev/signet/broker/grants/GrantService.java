package dev.signet.broker.grants;

import dev.signet.broker.db.Database;
import dev.signet.broker.db.Sealer;
import dev.signet.broker.metrics.BrokerMetrics;
import dev.signet.secrets.Secret;
import dev.signet.zoom.ZoomException;
import dev.signet.zoom.ZoomOAuthException;
import dev.signet.zoom.oauth.UserTokens;
import dev.signet.zoom.oauth.ZoomUserOAuth;
import dev.signet.zoom.users.SignedInUser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Users' grants: stores them sealed, hands out a valid access token, and refreshes a grant <b>single-flight</b>. Zoom
 * rotates the refresh token on every refresh and refuses the old one, so two refreshes of one grant would burn it:
 * a refresh holds a per-grant lock in this process and the grant's row lock ({@code SELECT … FOR UPDATE}) in the
 * database, re-reads the row, refreshes only if still needed, and commits the rotated tokens before anyone uses them.
 * Waiters then find the fresh access token in the row.
 */
public final class GrantService {
    /** An access token with less life left than this is refreshed before use. */
    static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);

    private static final Logger log = LoggerFactory.getLogger(GrantService.class);

    private final Database database;
    private final GrantRepository repository;
    private final ZoomUserOAuth oauth;
    private final BrokerMetrics metrics;
    private final Consumer<Secret> protect;
    private final Clock clock;
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    /**
     * @param protect sees every token read or obtained (the log guard learns it)
     */
    public GrantService(
            Database database,
            Sealer sealer,
            ZoomUserOAuth oauth,
            BrokerMetrics metrics,
            Consumer<Secret> protect,
            Clock clock) {
        this.database = database;
        this.repository = new GrantRepository(database.jdbi(), sealer);
        this.oauth = oauth;
        this.metrics = metrics;
        this.protect = protect;
        this.clock = clock;
        for (GrantState state : GrantState.values()) {
            metrics.grantGauge(state.wire(), () -> counts().getOrDefault(state, 0L));
        }
    }

    /** Stores the grant a user just gave (replacing an older one of the same Zoom user). */
    public void connect(SignedInUser user, UserTokens tokens) {
        repository.upsert(user, tokens, clock.instant());
        log.info("Zoom user {} ({}) connected", user.id(), user.email());
    }

    /** The grant of a Zoom user id or email, without tokens. */
    public Optional<Grant> find(String userIdOrEmail) {
        return repository.find(userIdOrEmail).map(GrantRepository.Row::grant);
    }

    /** Every grant, without tokens. */
    public List<Grant> list() {
        return repository.list();
    }

    /** The grant's current refresh token (to revoke it), if the user has a grant. */
    public Optional<Secret> refreshToken(String userId) {
        return repository.find(userId).map(row -> seen(repository.refreshToken(row)));
    }

    /** Deletes a grant; whether there was one. */
    public boolean delete(String userId) {
        boolean deleted = repository.delete(userId);
        if (deleted) {
            log.info("deleted the grant of Zoom user {}", userId);
        }
        return deleted;
    }

    /**
     * A valid access token of the user named by id or email, refreshing the grant first when its access token is
     * due.
     *
     * @throws ZoomException when a due refresh fails for a reason other than a refused grant (Zoom down, rate limit)
     */
    public GrantAccess access(String userIdOrEmail) {
        Optional<GrantRepository.Row> found = repository.find(userIdOrEmail);
        if (found.isEmpty()) {
            return new GrantAccess.NotConnected();
        }
        GrantRepository.Row row = found.get();
        if (row.grant().state() == GrantState.DISCONNECTED) {
            return new GrantAccess.Disconnected(row.grant());
        }
        if (!due(row.grant())) {
            return new GrantAccess.Ready(row.grant(), seen(repository.accessToken(row)));
        }
        return refresh(row.grant().userId(), locked -> due(locked.grant()));
    }

    /**
     * Refreshes because Zoom refused {@code refused} (401, code 124) — unless another caller has already replaced it.
     */
    public GrantAccess refreshRefused(String userId, Secret refused) {
        return refresh(userId, locked -> repository.accessToken(locked).equals(refused));
    }

    /** Refreshes the grant if its refresh token was last rotated before {@code cutoff} (keeps idle grants alive). */
    GrantAccess refreshIfIdle(String userId, Instant cutoff) {
        return refresh(
                userId,
                locked -> locked.grant().state() == GrantState.CONNECTED
                        && locked.grant().refreshedAt().isBefore(cutoff));
    }

    /** Connected grants not refreshed since {@code cutoff}. */
    List<String> idleSince(Instant cutoff, int limit) {
        return repository.idleSince(cutoff, limit);
    }

    /** Grants by state, for metrics. */
    public Map<GrantState, Long> counts() {
        return repository.counts();
    }

    private boolean due(Grant grant) {
        return !clock.instant().plus(REFRESH_MARGIN).isBefore(grant.accessExpiresAt());
    }

    private GrantAccess refresh(String userId, Predicate<GrantRepository.Row> stillNeeded) {
        ReentrantLock lock = locks.computeIfAbsent(userId, id -> new ReentrantLock());
        lock.lock();
        try {
            return database.jdbi().inTransaction(handle -> {
                Optional<GrantRepository.Row> locked = repository.lock(handle, userId);
                if (locked.isEmpty()) {
                    return new GrantAccess.NotConnected();
                }
                GrantRepository.Row row = locked.get();
                if (row.grant().state() == GrantState.DISCONNECTED) {
                    return new GrantAccess.Disconnected(row.grant());
                }
                if (!stillNeeded.test(row)) {
                    // Another thread or replica refreshed while we waited for the lock.
                    return new GrantAccess.Ready(row.grant(), seen(repository.accessToken(row)));
                }
                UserTokens fresh;
                try {
                    fresh = oauth.refresh(seen(repository.refreshToken(row)));
                } catch (ZoomOAuthException e) {
                    if (!e.isInvalidGrant()) {
                        throw e;
                    }
                    String reason = "Zoom refused the grant: " + e.getMessage();
                    repository.markDisconnected(handle, userId, reason);
                    metrics.grantRefresh("invalid_grant");
                    log.warn("the grant of Zoom user {} is disconnected: {}", userId, e.getMessage());
                    return new GrantAccess.Disconnected(disconnected(row.grant(), reason));
                }
                protect.accept(fresh.accessToken());
                protect.accept(fresh.refreshToken());
                Instant now = clock.instant();
                repository.storeRefreshed(handle, userId, fresh, now);
                metrics.grantRefresh("refreshed");
                log.debug("refreshed the grant of Zoom user {}", userId);
                return new GrantAccess.Ready(refreshed(row.grant(), fresh, now), fresh.accessToken());
            });
        } catch (ZoomException e) {
            metrics.grantRefresh("failed");
            repository.recordError(userId, "refresh failed: " + e.getMessage());
            throw e;
        } finally {
            lock.unlock();
        }
    }

    private Secret seen(Secret token) {
        protect.accept(token);
        return token;
    }

    private static Grant disconnected(Grant grant, String reason) {
        return new Grant(
                grant.userId(),
                grant.email(),
                grant.accountId(),
                grant.displayName(),
                GrantState.DISCONNECTED,
                grant.connectedAt(),
                grant.refreshedAt(),
                grant.accessExpiresAt(),
                grant.scope(),
                reason);
    }

    private static Grant refreshed(Grant grant, UserTokens tokens, Instant now) {
        return new Grant(
                grant.userId(),
                grant.email(),
                grant.accountId(),
                grant.displayName(),
                GrantState.CONNECTED,
                grant.connectedAt(),
                now,
                tokens.expiresAt(),
                tokens.scope(),
                null);
    }
}
