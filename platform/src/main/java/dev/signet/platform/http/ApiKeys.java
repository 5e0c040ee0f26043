package dev.signet.platform.http;

import dev.signet.secrets.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The configured API keys, kept only as SHA-256 hashes and compared in constant time.
 *
 * <p>Accepts {@code Authorization: Token <key>} and, as Recall does, a bare key.
 */
public final class ApiKeys {
    private static final String TOKEN_PREFIX = "token ";

    private final List<byte[]> hashes;

    private ApiKeys(List<byte[]> hashes) {
        this.hashes = hashes;
    }

    /** Hashes the keys; the plain keys are not kept. */
    public static ApiKeys of(List<Secret> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("at least one API key is required");
        }
        return new ApiKeys(keys.stream().map(key -> sha256(key.reveal())).toList());
    }

    /** Whether the {@code Authorization} header carries one of the keys. */
    public boolean accepts(@Nullable String authorization) {
        return identify(authorization) != null;
    }

    /**
     * Which key the {@code Authorization} header carries: the hex SHA-256 of that key (a stable name for it
     * that reveals nothing: rate limits and idempotency keys are scoped by it), or {@code null} when it
     * carries none of them.
     */
    public @Nullable String identify(@Nullable String authorization) {
        if (authorization == null) {
            return null;
        }
        String key = authorization.strip();
        if (key.length() > TOKEN_PREFIX.length()
                && key.substring(0, TOKEN_PREFIX.length())
                        .toLowerCase(Locale.ROOT)
                        .equals(TOKEN_PREFIX)) {
            key = key.substring(TOKEN_PREFIX.length()).strip();
        }
        if (key.isEmpty()) {
            return null;
        }
        byte[] presented = sha256(key);
        boolean match = false;
        for (byte[] hash : hashes) {
            // No early exit: every configured key is compared, each in constant time.
            match |= MessageDigest.isEqual(hash, presented);
        }
        return match ? HexFormat.of().formatHex(presented) : null;
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "ApiKeys[" + hashes.size() + " keys]";
    }
}
