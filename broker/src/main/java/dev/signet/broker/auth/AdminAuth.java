package dev.signet.broker.auth;

import dev.signet.secrets.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Checks operators' {@code Authorization: Bearer <admin secret>} against the configured admin secrets (several during
 * a rotation), in constant time.
 */
public final class AdminAuth {
    private final List<byte[]> digests;

    public AdminAuth(List<Secret> adminSecrets) {
        this.digests = adminSecrets.stream().map(s -> digest(s.reveal())).toList();
    }

    /** Whether the {@code Authorization} header carries a configured admin secret. */
    public boolean allows(@Nullable String authorization) {
        if (authorization == null || digests.isEmpty()) {
            return false;
        }
        String value = authorization.strip();
        if (value.length() < 7 || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        byte[] presented = digest(value.substring(7).strip());
        boolean match = false;
        for (byte[] expected : digests) {
            match |= MessageDigest.isEqual(presented, expected);
        }
        return match;
    }

    private static byte[] digest(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
