package dev.signet.platform.crypto;

import java.util.Objects;

/**
 * A column of sealed values, keyed by one column of its table.
 *
 * @param table the table
 * @param keyColumn the column that identifies a row (its primary key)
 * @param column the column that holds sealed values ({@code NULL} when there is none)
 */
public record SealedColumn(String table, String keyColumn, String column) {
    public SealedColumn {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(keyColumn, "keyColumn");
        Objects.requireNonNull(column, "column");
    }

    /** The binding of this column's value in the row whose key is {@code rowKey}. */
    public Binding at(Object rowKey) {
        return new Binding(table, column, rowKey.toString());
    }
}
