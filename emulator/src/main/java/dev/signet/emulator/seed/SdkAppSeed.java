package dev.signet.emulator.seed;

import dev.signet.emulator.secret.Secret;
import java.util.Objects;

/** A seeded Meeting SDK app: key, secret and whether it is published on the Marketplace. */
public record SdkAppSeed(String key, Secret secret, boolean published) {
    public SdkAppSeed {
        Objects.requireNonNull(key, "sdk key is required");
        Objects.requireNonNull(secret, "sdk secret is required");
    }
}
