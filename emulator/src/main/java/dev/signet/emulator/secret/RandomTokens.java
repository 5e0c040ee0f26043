package dev.signet.emulator.secret;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Makes unguessable opaque tokens and ids. */
public final class RandomTokens {
    private final SecureRandom random = new SecureRandom();

    /** A URL-safe token of {@code bytes} random bytes, base64url without padding, after {@code prefix}. */
    public String token(String prefix, int bytes) {
        byte[] raw = new byte[bytes];
        random.nextBytes(raw);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    /** A lowercase hex string of {@code bytes} random bytes. */
    public String hex(int bytes) {
        byte[] raw = new byte[bytes];
        random.nextBytes(raw);
        return HexFormat.of().formatHex(raw);
    }

    /** A random number with exactly {@code digits} digits (the first is never 0). */
    public long digits(int digits) {
        long low = 1;
        for (int i = 1; i < digits; i++) {
            low *= 10;
        }
        return low + (long) (random.nextDouble() * (9 * low));
    }
}
