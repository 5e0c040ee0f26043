package dev.signet.emulator.directory;

import dev.signet.emulator.secret.Secret;

/** A Meeting SDK app: key and secret (which signs join signatures), owning account, published or not. */
public record SdkApp(String key, Secret secret, String accountId, boolean published) {
    public SdkApp {
        Names.require("sdk key", key);
        Names.require("sdk account_id", accountId);
    }
}
