package dev.signet.platform.token;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/** Judges a token URL's answer by its body (never its {@code Content-Type}): CONTRACTS.md §3. */
final class TokenBody {
    /** The longest token accepted (a ZAK is at most 512 characters). */
    static final int MAX_TOKEN_LENGTH = 512;

    private TokenBody() {}

    /** Why {@code body} (at most the cap's bytes) is not a token, or {@code null} when its trimmed text is one. */
    static @Nullable String problem(byte[] body) {
        String text = new String(body, StandardCharsets.ISO_8859_1).strip();
        if (text.isEmpty()) {
            return "the body is empty";
        }
        if (text.length() > MAX_TOKEN_LENGTH) {
            return "the body is " + text.length() + " characters, more than a token's " + MAX_TOKEN_LENGTH;
        }
        if (text.charAt(0) == '<') {
            return "the body is markup, not a token";
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                return "the body is not a token (whitespace or non-printable character at " + i + ")";
            }
        }
        return null;
    }

    /** The token in a body that {@link #problem} accepted. */
    static String token(byte[] body) {
        return new String(body, StandardCharsets.US_ASCII).strip();
    }
}
