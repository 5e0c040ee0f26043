package dev.signet.emulator.tokens;

import dev.signet.emulator.secret.RandomTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * User tokens minted by {@code GET /v2/users/{userId}/token}: ZAKs (opaque, bound to their user, expiring by ttl,
 * revoked by "sign out of all devices"), single-use meeting-bound OBF tokens, and the legacy {@code token} type.
 * Thread-safe.
 */
public final class UserTokens {
    /** What a ZAK proves: its user, until it expires. */
    public record Zak(String userId, Instant expiresAt) {}

    /** What an OBF token allows: its authorizing user to send one participant into one meeting. */
    public record Obf(String userId, long meetingId, String clientId, Instant expiresAt) {}

    private final ConcurrentMap<String, Zak> zaks = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Obf> obfs = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Zak> legacy = new ConcurrentHashMap<>();
    private final RandomTokens random;
    private final Clock clock;

    public UserTokens(RandomTokens random, Clock clock) {
        this.random = random;
        this.clock = clock;
    }

    public String mintZak(String userId, Duration ttl) {
        String token = random.token("emu_zak_", 64);
        zaks.put(token, new Zak(userId, clock.instant().plus(ttl)));
        return token;
    }

    public String mintObf(String userId, long meetingId, String clientId, Duration ttl) {
        String token = random.token("emu_obf_", 64);
        obfs.put(token, new Obf(userId, meetingId, clientId, clock.instant().plus(ttl)));
        return token;
    }

    public String mintLegacy(String userId, Duration ttl) {
        String token = random.token("emu_tok_", 48);
        legacy.put(token, new Zak(userId, clock.instant().plus(ttl)));
        return token;
    }

    /** The ZAK's grant when it is known, unexpired and unrevoked. */
    public Optional<Zak> verifyZak(String token) {
        Zak zak = zaks.get(token);
        return zak != null && clock.instant().isBefore(zak.expiresAt()) ? Optional.of(zak) : Optional.empty();
    }

    /** The OBF token's grant when it is known, unexpired and unused. */
    public Optional<Obf> findObf(String token) {
        Obf obf = obfs.get(token);
        return obf != null && clock.instant().isBefore(obf.expiresAt()) ? Optional.of(obf) : Optional.empty();
    }

    /** Uses an OBF token up; answers false when it was already used. */
    public boolean consumeObf(String token) {
        return obfs.remove(token) != null;
    }

    /** "Sign me out of all devices": revokes every ZAK of the user; answers how many. */
    public int signOut(String userId) {
        int before = zaks.size();
        zaks.values().removeIf(z -> z.userId().equals(userId));
        return Math.max(0, before - zaks.size());
    }

    /** Revokes the unused OBF tokens a user's grant of an app minted (the grant ended); answers how many. */
    public int revokeObf(String userId, String clientId) {
        int before = obfs.size();
        obfs.values().removeIf(o -> o.userId().equals(userId) && o.clientId().equals(clientId));
        return Math.max(0, before - obfs.size());
    }

    /** Forgets every token of a deleted user. */
    public void revokeUser(String userId) {
        signOut(userId);
        obfs.values().removeIf(o -> o.userId().equals(userId));
        legacy.values().removeIf(z -> z.userId().equals(userId));
    }
}
