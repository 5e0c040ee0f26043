package dev.signet.platform.bot;

import dev.signet.platform.crypto.SealedColumn;
import dev.signet.platform.crypto.SealedColumns;
import dev.signet.platform.crypto.SecretBox;
import dev.signet.secrets.Secret;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Seals the credential columns of a bot (token URLs, registration token) and opens them for the runtime. Each value
 * is bound to its column and bot ({@link SealedColumns}): one copied into another bot's row does not open.
 */
final class BotSecrets {
    private final SecretBox box;

    BotSecrets(SecretBox box) {
        this.box = box;
    }

    @Nullable
    String seal(@Nullable Secret value, SealedColumn column, UUID bot) {
        return value == null ? null : box.seal(value, column.at(bot));
    }

    @Nullable
    String sealTk(@Nullable String tk, UUID bot) {
        return tk == null || tk.isEmpty() ? null : box.seal(Secret.of(tk), SealedColumns.BOT_MEETING_TK.at(bot));
    }

    @Nullable
    Secret open(@Nullable String sealed, SealedColumn column, UUID bot) {
        return sealed == null ? null : box.open(sealed, column.at(bot));
    }
}
