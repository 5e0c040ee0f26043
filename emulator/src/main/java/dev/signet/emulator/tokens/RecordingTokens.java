package dev.signet.emulator.tokens;

import dev.signet.emulator.secret.RandomTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Local-recording join tokens minted by {@code GET /v2/meetings/{meetingId}/jointoken/local_recording}: opaque,
 * bound to one meeting, valid for {@link #LIFE} (any number of joins until then). Thread-safe.
 */
public final class RecordingTokens {
    /** Zoom's {@code expire_in}: 120 seconds. */
    public static final Duration LIFE = Duration.ofMinutes(2);

    private record Grant(long meetingId, Instant expiresAt) {}

    private final ConcurrentMap<String, Grant> tokens = new ConcurrentHashMap<>();
    private final RandomTokens random;
    private final Clock clock;

    public RecordingTokens(RandomTokens random, Clock clock) {
        this.random = random;
        this.clock = clock;
    }

    /** Mints a token for {@code meetingId}. */
    public String mint(long meetingId) {
        Instant now = clock.instant();
        tokens.values().removeIf(g -> !now.isBefore(g.expiresAt()));
        String token = random.token("emu_lrt_", 48);
        tokens.put(token, new Grant(meetingId, now.plus(LIFE)));
        return token;
    }

    /** Whether {@code token} was minted for {@code meetingId} and has not expired. */
    public boolean allows(String token, long meetingId) {
        Grant grant = tokens.get(token);
        return grant != null
                && grant.meetingId() == meetingId
                && clock.instant().isBefore(grant.expiresAt());
    }
}
