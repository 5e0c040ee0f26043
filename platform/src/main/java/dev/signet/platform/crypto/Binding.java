package dev.signet.platform.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Where a sealed value is stored: its table, column and row. {@link SecretBox} binds it into the ciphertext as
 * AES-GCM associated data, so a value copied to another row, column or table does not open.
 *
 * @param table the table
 * @param column the column that holds the sealed value
 * @param row the row's key as text (a bot's UUID)
 */
public record Binding(String table, String column, String row) {
    public Binding {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(row, "row");
    }

    /** The associated data: the format, table, column and row, NUL-separated (none of them holds a NUL). */
    byte[] associatedData() {
        return ("signet-sealed-v2\0" + table + '\0' + column + '\0' + row).getBytes(StandardCharsets.UTF_8);
    }
}
