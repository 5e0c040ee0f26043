package dev.signet.zoom.sdk;

import dev.signet.secrets.Secret;

/**
 * A Zoom Meeting SDK app's credentials.
 *
 * @param key the SDK key (client id)
 * @param secret the SDK secret (client secret) that signs signatures
 */
public record SdkCredentials(String key, Secret secret) {
    public SdkCredentials {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("SDK key must not be blank");
        }
        if (secret == null) {
            throw new IllegalArgumentException("SDK secret must not be null");
        }
    }
}
