package dev.signet.zoom.oauth;

import dev.signet.secrets.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A PKCE pair (RFC 7636, method {@code S256}): the secret {@code code_verifier} kept by the client and the
 * {@code code_challenge} sent in the authorize URL.
 *
 * @param verifier 43 to 128 characters of {@code [A-Za-z0-9-._~]}; sent only with the code exchange
 * @param challenge {@code BASE64URL(SHA-256(verifier))} without padding
 */
public record Pkce(Secret verifier, String challenge) {
    public Pkce {
        if (verifier == null || challenge == null) {
            throw new IllegalArgumentException("verifier and challenge are required");
        }
        if (!verifier.reveal().matches("[A-Za-z0-9\\-._~]{43,128}")) {
            throw new IllegalArgumentException("a PKCE verifier is 43 to 128 unreserved characters");
        }
    }

    /** A fresh pair: 32 random bytes as a 43-character verifier, and its S256 challenge. */
    public static Pkce generate(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new Pkce(Secret.of(verifier), challengeOf(verifier));
    }

    /** The pair for a stored verifier. */
    public static Pkce of(Secret verifier) {
        return new Pkce(verifier, challengeOf(verifier.reveal()));
    }

    /** {@code BASE64URL(SHA-256(ASCII(verifier)))}, unpadded: the S256 challenge. */
    public static String challengeOf(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
