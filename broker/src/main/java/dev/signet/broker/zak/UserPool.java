package dev.signet.broker.zak;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The configured Zoom users and which of them to try: in configured order (sticky) or each request one further along
 * (round-robin), skipping users set aside after Zoom refused them.
 */
public final class UserPool {
    private final List<String> users;
    private final boolean roundRobin;
    private final Duration cooldown;
    private final Map<String, Instant> asideUntil = new ConcurrentHashMap<>();
    private final AtomicInteger next = new AtomicInteger();

    /**
     * Creates a pool.
     *
     * @param users user ids or emails in pool order
     * @param roundRobin whether each request starts one user further along
     * @param cooldown how long a refused user is set aside
     */
    public UserPool(List<String> users, boolean roundRobin, Duration cooldown) {
        if (users.isEmpty()) {
            throw new IllegalArgumentException("a user pool needs at least one user");
        }
        this.users = List.copyOf(users);
        this.roundRobin = roundRobin;
        this.cooldown = cooldown;
    }

    /**
     * The configured spelling of {@code requested}, compared without regard to case (emails). A space counts as
     * {@code +}: a caller that writes {@code ?user=notes+bot@example.com} unencoded sends a space after decoding.
     */
    Optional<String> find(String requested) {
        String wanted = requested.replace(' ', '+').toLowerCase(Locale.ROOT);
        return users.stream()
                .filter(u -> u.toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst();
    }

    /** The first configured user, which start-up warms. */
    String first() {
        return users.getFirst();
    }

    /** The users to try for one request, in order, without those set aside. */
    List<String> candidates(Instant now) {
        int start = roundRobin ? Math.floorMod(next.getAndIncrement(), users.size()) : 0;
        List<String> candidates = new ArrayList<>(users.size());
        for (int i = 0; i < users.size(); i++) {
            String user = users.get((start + i) % users.size());
            if (!isSetAside(user, now)) {
                candidates.add(user);
            }
        }
        return candidates;
    }

    /**
     * The user {@link #candidates} would try first, without moving a round-robin pool on; null when every user is set
     * aside.
     */
    @Nullable
    String peek(Instant now) {
        int start = roundRobin ? Math.floorMod(next.get(), users.size()) : 0;
        for (int i = 0; i < users.size(); i++) {
            String user = users.get((start + i) % users.size());
            if (!isSetAside(user, now)) {
                return user;
            }
        }
        return null;
    }

    /** Moves a round-robin pool on by one, as {@link #candidates} does; a sticky pool stays. */
    void advance() {
        if (roundRobin) {
            var _ = next.getAndIncrement();
        }
    }

    boolean isSetAside(String user, Instant now) {
        Instant until = asideUntil.get(user);
        return until != null && now.isBefore(until);
    }

    void setAside(String user, Instant now) {
        asideUntil.put(user, now.plus(cooldown));
    }

    /** Whether at least one user is not set aside. */
    boolean hasUsable(Instant now) {
        return users.stream().anyMatch(u -> !isSetAside(u, now));
    }
}
