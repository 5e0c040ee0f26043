package dev.signet.zoom.oauth;

import dev.signet.secrets.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A Zoom Server-to-Server OAuth app's credentials.
 *
 * @param accountId the Zoom account the app belongs to
 * @param clientId the app's client id
 * @param clientSecret the app's client secret
 */
public record S2sCredentials(String accountId, String clientId, Secret clientSecret) {
    public S2sCredentials {
        requireText("accountId", accountId);
        requireText("clientId", clientId);
        if (clientSecret == null) {
            throw new IllegalArgumentException("clientSecret must not be null");
        }
        if (clientId.indexOf(':') >= 0) {
            // Basic auth splits at the first colon, so Zoom would read a different client id.
            throw new IllegalArgumentException("clientId must not contain ':'");
        }
    }

    /** The HTTP Basic credentials Zoom's token endpoint takes: {@code base64(clientId:clientSecret)}. */
    public Secret basicCredentials() {
        return Secret.of(Base64.getEncoder()
                .encodeToString((clientId + ":" + clientSecret.reveal()).getBytes(StandardCharsets.UTF_8)));
    }

    private static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
    }
}
