package dev.signet.emulator.oauth;

import dev.signet.emulator.http.EmulatorException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A PKCE code challenge (RFC 7636) of an authorization request: {@code S256} or {@code plain} (Zoom's default when
 * {@code code_challenge_method} is absent).
 */
record Pkce(String challenge, String method) {
    private static final Pattern CHARSET = Pattern.compile("[A-Za-z0-9._~-]{43,128}");

    @Override
    public String toString() {
        return "Pkce[method=" + method + "]";
    }

    /** The challenge of an authorization request, or null without one; 400 naming the field when malformed. */
    static @Nullable Pkce from(@Nullable String challenge, @Nullable String method) {
        if (challenge == null || challenge.isEmpty()) {
            if (method != null && !method.isEmpty()) {
                throw EmulatorException.badRequest("code_challenge_method needs a code_challenge");
            }
            return null;
        }
        String m = method == null || method.isEmpty() ? "plain" : method;
        if (!m.equals("S256") && !m.equals("plain")) {
            throw EmulatorException.badRequest("code_challenge_method must be S256 or plain");
        }
        if (!CHARSET.matcher(challenge).matches()) {
            throw EmulatorException.badRequest("code_challenge must be 43 to 128 characters of [A-Za-z0-9._~-]");
        }
        return new Pkce(challenge, m);
    }

    /** Whether {@code verifier} is the one this challenge was derived from. */
    boolean verifies(@Nullable String verifier) {
        if (verifier == null || !CHARSET.matcher(verifier).matches()) {
            return false;
        }
        String derived = method.equals("S256") ? s256(verifier) : verifier;
        return MessageDigest.isEqual(
                derived.getBytes(StandardCharsets.US_ASCII), challenge.getBytes(StandardCharsets.US_ASCII));
    }

    /** {@code BASE64URL(SHA256(ASCII(verifier)))} without padding. */
    static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
