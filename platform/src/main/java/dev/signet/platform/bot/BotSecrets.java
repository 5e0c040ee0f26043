package dev.signet.platform.bot;

import dev.signet.platform.crypto.SecretBox;
import dev.signet.secrets.Secret;
import org.jspecify.annotations.Nullable;

/** Seals the credential columns of a bot (token URLs, registration token) and opens them for the runtime. */
final class BotSecrets {
    private final SecretBox box;

    BotSecrets(SecretBox box) {
        this.box = box;
    }

    @Nullable
    String seal(@Nullable Secret value) {
        return value == null ? null : box.seal(value);
    }

    @Nullable
    String sealTk(@Nullable String tk) {
        return tk == null || tk.isEmpty() ? null : box.seal(Secret.of(tk));
    }

    @Nullable
    Secret open(@Nullable String sealed) {
        return sealed == null ? null : box.open(sealed);
    }
}
