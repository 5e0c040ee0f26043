package dev.signet.broker.zak;

import dev.signet.broker.metrics.BrokerMetrics;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Answers ZAK requests: picks the user (the one asked for, or the pool's), applies the reuse policy and fails over to
 * the next user when Zoom refuses one.
 */
public final class ZakService {
    private final UserPool pool;
    private final ZakCache cache;
    private final ZoomHealth health = new ZoomHealth();
    private final Clock clock;

    /**
     * Wires the service.
     *
     * @param minter mints one ZAK from Zoom
     * @param policy the reuse policy
     * @param pool the configured users
     */
    public ZakService(
            Minter minter, ZakPolicy policy, UserPool pool, BrokerMetrics metrics, Clock clock, ZakThreads threads) {
        this.pool = pool;
        this.clock = clock;
        this.cache = new ZakCache(minter, policy, health, metrics, clock, threads);
    }

    /**
     * A ZAK for {@code requestedUser}, or from the pool when it is null.
     *
     * @param requestedUser a configured user id or email (any case), or null for the pool
     */
    public ZakOutcome zak(@Nullable String requestedUser) {
        return zak(requestedUser, true);
    }

    /**
     * The answer to a ZAK request when it can be given at once from a held ZAK (no lock, no wait, no call to Zoom), so a
     * non-blocking thread may answer it; null when {@link #zak(String)} must be called, which may wait for Zoom.
     *
     * @param requestedUser a configured user id or email (any case), or null for the pool
     */
    public ZakOutcome.@Nullable Issued reusable(@Nullable String requestedUser) {
        Instant now = clock.instant();
        if (requestedUser != null) {
            String user = pool.find(requestedUser).orElse(null);
            return user == null || pool.isSetAside(user, now) ? null : cache.reusable(user);
        }
        String user = pool.peek(now);
        ZakOutcome.Issued issued = user == null ? null : cache.reusable(user);
        if (issued != null) {
            pool.advance();
        }
        return issued;
    }

    /** Mints (or reuses) the pool's ZAK without a caller, so start-up proves that Zoom answers. */
    public ZakOutcome warm() {
        return zak(null, false);
    }

    /** Whether Zoom answers and some user is usable: the broker can hand out ZAKs. */
    public boolean ready() {
        return health.answering() && pool.hasUsable(clock.instant());
    }

    /** Why the broker is (not) ready, in a few secret-free words. */
    public String readiness() {
        if (!pool.hasUsable(clock.instant())) {
            return "every configured Zoom user is set aside after Zoom refused it";
        }
        return health.detail();
    }

    private ZakOutcome zak(@Nullable String requestedUser, boolean caller) {
        if (requestedUser != null) {
            return pool.find(requestedUser).map(user -> forUser(user, caller)).orElseGet(ZakOutcome.UnknownUser::new);
        }
        List<String> candidates = pool.candidates(clock.instant());
        for (String user : candidates) {
            ZakOutcome outcome = cache.fetch(user, caller);
            if (!(outcome instanceof ZakOutcome.Refused)) {
                return outcome;
            }
            pool.setAside(user, clock.instant());
        }
        return new ZakOutcome.Failed("no configured Zoom user is usable: Zoom refused them recently");
    }

    private ZakOutcome forUser(String user, boolean caller) {
        if (pool.isSetAside(user, clock.instant())) {
            return new ZakOutcome.Failed("zoom refused this user recently; it is set aside for now");
        }
        ZakOutcome outcome = cache.fetch(user, caller);
        if (outcome instanceof ZakOutcome.Refused) {
            pool.setAside(user, clock.instant());
        }
        return outcome;
    }
}
