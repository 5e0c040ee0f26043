package dev.signet.platform.db;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Ids that begin with their creation time, so rows written close together sit close together in their table's
 * primary-key index (decision 0011, fifth update). A bot's or a webhook's rows are written and rewritten within
 * seconds of each other; with random ids every write touched its own index page, and on H2 every commit serialises
 * each page it touched again. The rest of each id is random, from a {@link SecureRandom}, so ids stay unguessable.
 */
public final class TimeOrderedIds {
    private final Clock clock;
    private final SecureRandom random;

    public TimeOrderedIds(Clock clock, SecureRandom random) {
        this.clock = clock;
        this.random = random;
    }

    /** A version 7 UUID (RFC 9562): 48 bits of Unix milliseconds, then 74 random bits. */
    public UUID uuid() {
        long millis = clock.millis();
        long high = (millis << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }

    /**
     * A Standard Webhooks message id: {@code msg_}, the Unix milliseconds as 12 hex digits, and 96 random bits
     * (16 characters of URL-safe Base64).
     */
    public String messageId() {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return "msg_" + HexFormat.of().toHexDigits(clock.millis(), 12)
                + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
