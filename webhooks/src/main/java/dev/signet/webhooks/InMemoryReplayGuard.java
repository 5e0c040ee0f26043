package dev.signet.webhooks;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@link ReplayGuard} that remembers ids in memory, for one process.
 *
 * <p>Memory is bounded twice over: each id is kept as a 128-bit digest, so a long id costs no more than a short one
 * (about 100 bytes per entry, so 100 000 entries take about 10 MB), and at most {@code maxEntries} are kept. Expired
 * ids are pruned as new ones arrive.
 *
 * <p><b>When full, the oldest id is forgotten early.</b> The alternative, refusing new ids, would let a burst of
 * honest traffic lock every caller out; forgetting early only reopens a replay window for that one old message, and
 * only to someone who captured it. {@link #evictions()} counts such early evictions so they can be exported as a
 * metric: if it grows, raise {@code maxEntries}. Several processes behind one load balancer each keep their own
 * memory; route a sender to one instance or accept that a replay may land on another.
 *
 * <p>Thread-safe: every operation holds this guard's lock briefly (no I/O, no hashing under the lock).
 */
public final class InMemoryReplayGuard implements ReplayGuard {
    /** First 128 bits of the SHA-256 of an id: collisions are out of reach, memory per entry is fixed. */
    private record IdDigest(long high, long low) {
        static IdDigest of(String id) {
            MessageDigest sha256;
            try {
                sha256 = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                // Every JDK must provide SHA-256; reaching this means a broken runtime, not bad input.
                throw new IllegalStateException("SHA-256 is unavailable", e);
            }
            ByteBuffer digest = ByteBuffer.wrap(sha256.digest(id.getBytes(StandardCharsets.UTF_8)));
            return new IdDigest(digest.getLong(0), digest.getLong(8));
        }
    }

    private final Duration window;
    private final int maxEntries;
    private final Clock clock;
    /** Expiry by id, in insertion order, so the eldest entry is the first to go. Guarded by {@code this}. */
    private final LinkedHashMap<IdDigest, Instant> expiries = new LinkedHashMap<>();

    private long evictions;

    InMemoryReplayGuard(Duration window, int maxEntries, Clock clock) {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("replay window must be positive: " + window);
        }
        if (maxEntries < 1) {
            throw new IllegalArgumentException("replay guard maxEntries must be at least 1: " + maxEntries);
        }
        this.window = window;
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    @Override
    public boolean firstSeen(String id, Instant at) {
        IdDigest key = IdDigest.of(id);
        synchronized (this) {
            Instant now = clock.instant();
            pruneExpired(now);
            Instant expiry = expiries.get(key);
            if (expiry != null && !now.isAfter(expiry)) {
                return false;
            }
            if (expiry != null) {
                // An expired entry that pruning has not reached yet: it is forgotten, re-insert it as the newest.
                expiries.remove(key);
            }
            if (expiries.size() >= maxEntries) {
                Iterator<IdDigest> eldest = expiries.keySet().iterator();
                eldest.next();
                eldest.remove();
                evictions++;
            }
            // Remember until the message's own timestamp has left the tolerance: a timestamp in the future stays
            // acceptable for longer than one window from now.
            Instant from = at.isAfter(now) ? at : now;
            expiries.put(key, from.plus(window));
            return true;
        }
    }

    /** The number of ids currently remembered. */
    public synchronized int size() {
        return expiries.size();
    }

    /** How many ids were forgotten before their window ended because the guard was full. */
    public synchronized long evictions() {
        return evictions;
    }

    /**
     * Drops expired entries from the eldest end. Expiries follow insertion order closely but not exactly (a message's
     * timestamp may lie ahead of now), so pruning stops at the first live entry; a stray expired entry behind it is
     * treated as absent on lookup and pruned later.
     */
    private void pruneExpired(Instant now) {
        Iterator<Map.Entry<IdDigest, Instant>> entries = expiries.entrySet().iterator();
        while (entries.hasNext() && now.isAfter(entries.next().getValue())) {
            entries.remove();
        }
    }

    @Override
    public String toString() {
        return "InMemoryReplayGuard[window=" + window + ", maxEntries=" + maxEntries + "]";
    }
}
