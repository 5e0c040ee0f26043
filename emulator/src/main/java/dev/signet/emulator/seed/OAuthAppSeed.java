package dev.signet.emulator.seed;

import dev.signet.emulator.secret.Secret;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A seeded user-level OAuth app; {@code redirect_uris} is an allow list of prefixes. {@code event_url} (the app's
 * event notification endpoint) and {@code secret_token} (its webhook secret token) are optional, but go together.
 */
public record OAuthAppSeed(
        String clientId,
        Secret clientSecret,
        List<String> redirectUris,
        @Nullable List<String> scopes,
        @Nullable String eventUrl,
        @Nullable Secret secretToken) {
    public OAuthAppSeed {
        Objects.requireNonNull(clientId, "oauth client_id is required");
        Objects.requireNonNull(clientSecret, "oauth client_secret is required");
        Objects.requireNonNull(redirectUris, "oauth redirect_uris is required");
    }

    /** An app without an event notification endpoint. */
    public OAuthAppSeed(
            String clientId, Secret clientSecret, List<String> redirectUris, @Nullable List<String> scopes) {
        this(clientId, clientSecret, redirectUris, scopes, null, null);
    }
}
