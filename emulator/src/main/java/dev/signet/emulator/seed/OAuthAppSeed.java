package dev.signet.emulator.seed;

import dev.signet.emulator.secret.Secret;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A seeded user-level OAuth app; {@code redirect_uris} is an allow list of prefixes. */
public record OAuthAppSeed(
        String clientId,
        Secret clientSecret,
        List<String> redirectUris,
        @Nullable List<String> scopes) {
    public OAuthAppSeed {
        Objects.requireNonNull(clientId, "oauth client_id is required");
        Objects.requireNonNull(clientSecret, "oauth client_secret is required");
        Objects.requireNonNull(redirectUris, "oauth redirect_uris is required");
    }
}
