package dev.signet.emulator.seed;

import dev.signet.emulator.secret.Secret;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A seeded Server-to-Server OAuth app; without {@code scopes} it gets the default admin scopes. */
public record S2sAppSeed(
        String clientId, Secret clientSecret, @Nullable List<String> scopes) {
    public S2sAppSeed {
        Objects.requireNonNull(clientId, "s2s client_id is required");
        Objects.requireNonNull(clientSecret, "s2s client_secret is required");
    }
}
