package dev.signet.emulator.oauth;

import dev.signet.emulator.http.OAuthException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The client id and secret of an {@code Authorization: Basic} header. */
record ClientCredentials(String clientId, String clientSecret) {
    @Override
    public String toString() {
        return "ClientCredentials[clientId=" + clientId + ", clientSecret=***]";
    }

    /** Parses the header; a missing or malformed one is Zoom's {@code invalid_client}. */
    static ClientCredentials fromBasic(@Nullable String header) {
        if (header == null || !header.toLowerCase(Locale.ROOT).startsWith("basic ")) {
            throw OAuthException.invalidClient();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw OAuthException.invalidClient();
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            throw OAuthException.invalidClient();
        }
        return new ClientCredentials(decoded.substring(0, colon), decoded.substring(colon + 1));
    }
}
