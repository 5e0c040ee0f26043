package dev.signet.broker.zak;

import dev.signet.secrets.Secret;
import dev.signet.zoom.users.UserToken;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * One user's mutable ZAK state; every field is written under {@link #lock}. {@link #held} is volatile so that the hot
 * path (a ZAK inside its reuse window) reads it without the lock.
 */
final class UserSlot {
    final String user;
    final ReentrantLock lock = new ReentrantLock();

    volatile @Nullable Held held;

    @Nullable
    MintTask inFlight;

    Instant refreshNotBefore = Instant.MIN;

    UserSlot(String user) {
        this.user = user;
    }

    /** A minted ZAK handed out again until {@code reuseUntil}; {@code used} once an HTTP caller got it. */
    static final class Held {
        private final Secret zak;
        private final Instant reuseUntil;
        private final Instant expiresAt;
        private final ZakOutcome.Issued issued;
        private final long lockFreeUntilMillis;
        volatile boolean used;

        /**
         * A held ZAK.
         *
         * @param lockFreeUntil until when callers may take it without the lock: the end of the reuse window less the
         *     refresh margin, and no later than the last instant it has the policy's minimum life left
         */
        Held(Secret zak, Instant reuseUntil, Instant expiresAt, Instant lockFreeUntil, boolean used) {
            this.zak = zak;
            this.issued = new ZakOutcome.Issued(zak, true);
            this.lockFreeUntilMillis = lockFreeUntil.toEpochMilli();
            this.reuseUntil = reuseUntil;
            this.expiresAt = expiresAt;
            this.used = used;
        }

        Secret zak() {
            return zak;
        }

        /** Whether callers may take it without the lock at {@code nowMillis} (epoch milliseconds). */
        boolean lockFree(long nowMillis) {
            return nowMillis < lockFreeUntilMillis;
        }

        /** This ZAK as a reused answer, built once rather than per request. */
        ZakOutcome.Issued issued() {
            return issued;
        }

        Instant reuseUntil() {
            return reuseUntil;
        }

        Instant expiresAt() {
            return expiresAt;
        }
    }

    /** One call to Zoom; when it ends, however it ends, it stops being the slot's mint in flight. */
    static final class MintTask extends FutureTask<UserToken> {
        private final UserSlot slot;

        MintTask(UserSlot slot, Callable<UserToken> work) {
            super(work);
            this.slot = slot;
        }

        @Override
        protected void done() {
            slot.lock.lock();
            try {
                if (slot.inFlight == this) {
                    slot.inFlight = null;
                }
            } finally {
                slot.lock.unlock();
            }
        }
    }
}
