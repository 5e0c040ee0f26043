package dev.signet.broker.zak;

import dev.signet.broker.metrics.BrokerMetrics;
import dev.signet.zoom.ZoomApiException;
import dev.signet.zoom.ZoomTransportException;
import dev.signet.zoom.users.UserToken;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-user ZAK state under the reuse policy: the held ZAK and its reuse window, the one mint in flight that concurrent
 * callers share, and the refresh that replaces a ZAK before its window closes so callers do not wait for Zoom. A mint
 * is shared work: a caller that stops waiting leaves it running for the others. When Zoom fails or rate-limits, the held
 * ZAK keeps being served for as long as it has the policy's minimum life left.
 */
final class ZakCache {
    private static final Logger log = LoggerFactory.getLogger(ZakCache.class);

    private final Minter minter;
    private final ZakPolicy policy;
    private final RateGate gate = new RateGate();
    private final ZoomHealth health;
    private final BrokerMetrics metrics;
    private final Clock clock;
    private final ZakThreads threads;
    private final Map<String, UserSlot> slots = new ConcurrentHashMap<>();

    ZakCache(
            Minter minter,
            ZakPolicy policy,
            ZoomHealth health,
            BrokerMetrics metrics,
            Clock clock,
            ZakThreads threads) {
        this.minter = minter;
        this.policy = policy;
        this.health = health;
        this.metrics = metrics;
        this.clock = clock;
        this.threads = threads;
    }

    /**
     * Answers one request for {@code user}'s ZAK.
     *
     * @param caller whether an HTTP caller asked (start-up warming does not), which keeps the user's ZAK refreshed
     */
    ZakOutcome fetch(String user, boolean caller) {
        UserSlot slot = slots.computeIfAbsent(user, UserSlot::new);
        Instant now = clock.instant();
        ZakOutcome.Issued reused = reusable(slot, now.toEpochMilli(), caller);
        if (reused != null) {
            return reused;
        }
        UserSlot.MintTask task;
        slot.lock.lock();
        try {
            UserSlot.Held held = slot.held;
            if (policy.reuses() && held != null && now.isBefore(held.reuseUntil()) && hasLife(held, now)) {
                held.used |= caller;
                if (!now.isBefore(held.reuseUntil().minus(policy.refreshAhead()))) {
                    refreshLocked(slot, now);
                }
                metrics.reuseHit();
                return new ZakOutcome.Issued(held.zak(), true);
            }
            boolean zoomFailing = !gate.isOpen(now) || !health.answering();
            if (zoomFailing && held != null && hasLife(held, now)) {
                // Serve the held ZAK at once rather than wait on a failing Zoom; a background mint retries when
                // allowed.
                refreshLocked(slot, now);
                metrics.reuseHit();
                return new ZakOutcome.Issued(held.zak(), true);
            }
            if (!gate.isOpen(now)) {
                return new ZakOutcome.RateLimited(gate.retryAfter(now));
            }
            task = policy.reuses() && slot.inFlight != null
                    ? slot.inFlight
                    : startLocked(slot, policy.reuses(), caller);
        } finally {
            slot.lock.unlock();
        }
        return await(slot, task, caller);
    }

    /**
     * The held ZAK for an HTTP caller when it is inside its reuse window and before the refresh margin, without a lock,
     * a wait or a call to Zoom; null when answering needs {@link #fetch} (which may wait for Zoom).
     */
    ZakOutcome.@Nullable Issued reusable(String user) {
        UserSlot slot = slots.get(user);
        return slot == null ? null : reusable(slot, clock.millis(), true);
    }

    /** The lock-free read; one comparison of epoch milliseconds, since Instant and Duration arithmetic showed in JFR. */
    private ZakOutcome.@Nullable Issued reusable(UserSlot slot, long nowMillis, boolean caller) {
        UserSlot.Held current = slot.held;
        if (current != null && current.lockFree(nowMillis)) {
            // The hot path: inside the reuse window and before its refresh margin, no lock is needed.
            if (caller) {
                if (!current.used) {
                    current.used = true;
                }
                // Only requests count: a start-up warm-up retried after a slow first mint is not a reuse.
                metrics.reuseHit();
            }
            return current.issued();
        }
        return null;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private boolean hasLife(UserSlot.Held held, Instant now) {
        return Duration.between(now, held.expiresAt()).compareTo(policy.minRemaining()) >= 0;
    }

    private UserSlot.MintTask startLocked(UserSlot slot, boolean shared, boolean caller) {
        UserSlot.MintTask task = new UserSlot.MintTask(slot, () -> mint(slot, shared, caller));
        if (shared) {
            slot.inFlight = task;
        }
        threads.mints().execute(task);
        return task;
    }

    private void refreshLocked(UserSlot slot, Instant now) {
        if (slot.inFlight == null && gate.isOpen(now) && !now.isBefore(slot.refreshNotBefore)) {
            log.debug("refreshing the ZAK of {} ahead of its reuse window's end", slot.user);
            var _ = startLocked(slot, true, false); // failures are recorded by mint()
        }
    }

    private UserToken mint(UserSlot slot, boolean shared, boolean caller) {
        try {
            UserToken token = minter.mint(slot.user);
            if (!ZakFormat.isZak(token.token().reveal())) {
                throw new NotAZakException();
            }
            Instant now = clock.instant();
            gate.passed();
            health.answered();
            if (shared) {
                Instant reuseUntil = now.plus(policy.reuse());
                Instant lockFreeUntil = min(
                        reuseUntil.minus(policy.refreshAhead()),
                        token.expiresAt().minus(policy.minRemaining()).plusMillis(1));
                UserSlot.Held held =
                        new UserSlot.Held(token.token(), reuseUntil, token.expiresAt(), lockFreeUntil, caller);
                slot.lock.lock();
                try {
                    slot.held = held;
                } finally {
                    slot.lock.unlock();
                }
                scheduleRefresh(slot, held, now);
            }
            return token;
        } catch (RuntimeException e) {
            recordFailure(slot, e);
            throw e;
        }
    }

    private void recordFailure(UserSlot slot, RuntimeException e) {
        Instant now = clock.instant();
        String reason = Failures.describe(e);
        if (e instanceof ZoomApiException api && api.isRateLimited()) {
            gate.limited(api.retryAfter(), now);
            log.warn("Zoom rate-limits the account; no call until {}", gate.closedUntil());
        } else if (e instanceof ZoomApiException api && Failures.isUserRefused(api)) {
            log.warn("Zoom refused a ZAK for user {}: {}", slot.user, reason);
        } else {
            health.failing(reason);
            log.warn("minting a ZAK for {} failed: {}", slot.user, reason);
        }
        slot.lock.lock();
        try {
            if (e instanceof ZoomApiException api && Failures.isUserRefused(api)) {
                slot.held = null;
            }
            slot.refreshNotBefore = now.plus(policy.refreshAhead().dividedBy(3));
        } finally {
            slot.lock.unlock();
        }
    }

    private void scheduleRefresh(UserSlot slot, UserSlot.Held held, Instant now) {
        if (!policy.reuses()) {
            return;
        }
        long delay = Duration.between(now, held.reuseUntil().minus(policy.refreshAhead()))
                .toMillis();
        try {
            var _ = threads.scheduler()
                    .schedule(() -> refreshIfUsed(slot, held), Math.max(0, delay), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            log.debug("not scheduling a refresh: the broker is closing");
        }
    }

    /** Keeps a ZAK that callers used during its window fresh, even if no request comes in the refresh margin. */
    private void refreshIfUsed(UserSlot slot, UserSlot.Held held) {
        slot.lock.lock();
        try {
            if (slot.held == held && held.used) {
                refreshLocked(slot, clock.instant());
            }
        } catch (RejectedExecutionException e) {
            log.debug("not refreshing: the broker is closing");
        } finally {
            slot.lock.unlock();
        }
    }

    private ZakOutcome await(UserSlot slot, UserSlot.MintTask task, boolean caller) {
        if (caller) {
            metrics.waitStarted();
        }
        try {
            return new ZakOutcome.Issued(
                    task.get(policy.timeout().toMillis(), TimeUnit.MILLISECONDS).token(), false);
        } catch (TimeoutException e) {
            // Never cancel: the mint is shared with other callers and ends by its own deadline.
            health.failing("zoom did not answer within " + policy.timeout().toMillis() + " ms");
            log.warn("Zoom did not answer within {} ms for {}", policy.timeout().toMillis(), slot.user);
            return heldOr(slot, new ZakOutcome.Failed("zoom did not answer in time"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ZakOutcome.Failed("interrupted while waiting for zoom");
        } catch (ExecutionException e) {
            return classify(slot, e.getCause());
        } finally {
            if (caller) {
                metrics.waitEnded();
            }
        }
    }

    private ZakOutcome classify(UserSlot slot, @Nullable Throwable cause) {
        if (cause instanceof ZoomApiException api && api.isRateLimited()) {
            return heldOr(slot, new ZakOutcome.RateLimited(gate.retryAfter(clock.instant())));
        }
        if (cause instanceof ZoomApiException api && Failures.isUserRefused(api)) {
            return new ZakOutcome.Refused(Failures.describe(api));
        }
        if (cause instanceof ZoomApiException
                || cause instanceof ZoomTransportException
                || cause instanceof NotAZakException) {
            return heldOr(slot, new ZakOutcome.Failed(Failures.describe((RuntimeException) cause)));
        }
        log.error("unexpected failure minting a ZAK for {}", slot.user, cause);
        return new ZakOutcome.Failed("internal error while minting a ZAK");
    }

    /** The held ZAK while it has enough life left, else {@code otherwise}. */
    private ZakOutcome heldOr(UserSlot slot, ZakOutcome otherwise) {
        slot.lock.lock();
        try {
            UserSlot.Held held = slot.held;
            if (held != null && hasLife(held, clock.instant())) {
                metrics.reuseHit();
                return new ZakOutcome.Issued(held.zak(), true);
            }
            return otherwise;
        } finally {
            slot.lock.unlock();
        }
    }

    /** Zoom answered 200 with a body that is not a ZAK: never handed out. */
    static final class NotAZakException extends RuntimeException {
        NotAZakException() {
            super("zoom answered with something that is not a ZAK");
        }
    }
}
