package dev.signet.zoom.oauth;

import dev.signet.secrets.Secret;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * A Zoom General (user-managed) OAuth app: the client that users authorize so it may act for them, e.g. to mint
 * on-behalf-of tokens.
 *
 * @param clientId the app's client id
 * @param clientSecret the app's client secret
 * @param redirectUri where Zoom sends the user back with {@code code} and {@code state}; must be listed on the app
 */
public record UserOAuthApp(String clientId, Secret clientSecret, URI redirectUri) {
    public UserOAuthApp {
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("clientId must not be blank");
        }
        if (clientId.indexOf(':') >= 0) {
            // Basic auth splits at the first colon, so Zoom would read a different client id.
            throw new IllegalArgumentException("clientId must not contain ':'");
        }
        if (clientSecret == null) {
            throw new IllegalArgumentException("clientSecret must not be null");
        }
        if (redirectUri == null) {
            throw new IllegalArgumentException("redirectUri must not be null");
        }
        String scheme =
                redirectUri.getScheme() == null ? "" : redirectUri.getScheme().toLowerCase(Locale.ROOT);
        if ((!scheme.equals("http") && !scheme.equals("https"))
                || redirectUri.getHost() == null
                || redirectUri.getRawFragment() != null) {
            throw new IllegalArgumentException("redirectUri must be an absolute http(s) URL without a fragment");
        }
    }

    /** The HTTP Basic credentials Zoom's OAuth endpoints take: {@code base64(clientId:clientSecret)}. */
    public Secret basicCredentials() {
        return Secret.of(Base64.getEncoder()
                .encodeToString((clientId + ":" + clientSecret.reveal()).getBytes(StandardCharsets.UTF_8)));
    }
}
