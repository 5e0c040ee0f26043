package dev.signet.platform.crypto;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;

/**
 * Seals every stored value again under the first key, bound to its row: values of the first format (no binding)
 * and values under older keys. Run after putting a new key first in {@code SIGNET_ENCRYPTION_KEY}; once it reports
 * nothing left, the older keys can be dropped. Safe while the platform runs: a row is rewritten only if its value is
 * still the one that was read.
 */
public final class Reseal {
    private static final int PAGE = 500;

    private Reseal() {}

    /**
     * What a run did.
     *
     * @param resealed values sealed again
     * @param current values already under the first key and bound to their row
     * @param changed values that changed between the read and the write (left alone; they were just written)
     * @param unopenable where a value opens with none of the keys (table.column and row), which stays as it is
     */
    public record Result(int resealed, int current, int changed, List<String> unopenable) {
        public Result {
            unopenable = List.copyOf(unopenable);
        }
    }

    /** Walks {@code columns}, page by page in key order, and seals again what {@link SecretBox#needsReseal} says. */
    public static Result run(Jdbi jdbi, SecretBox box, List<SealedColumn> columns) {
        int resealed = 0;
        int current = 0;
        int changed = 0;
        List<String> unopenable = new ArrayList<>();
        for (SealedColumn column : columns) {
            Object after = null;
            while (true) {
                List<Map.Entry<Object, String>> page = page(jdbi, column, after);
                List<Rewrite> rewrites = new ArrayList<>();
                for (Map.Entry<Object, String> row : page) {
                    String sealed = row.getValue();
                    if (!box.needsReseal(sealed)) {
                        current++;
                        continue;
                    }
                    Binding where = column.at(row.getKey());
                    try {
                        rewrites.add(new Rewrite(row.getKey(), sealed, box.seal(box.open(sealed, where), where)));
                    } catch (IllegalArgumentException e) {
                        unopenable.add(column.table() + "." + column.column() + " " + row.getKey());
                    }
                }
                int written = rewrite(jdbi, column, rewrites);
                resealed += written;
                changed += rewrites.size() - written;
                if (page.size() < PAGE) {
                    break;
                }
                after = page.getLast().getKey();
            }
        }
        return new Result(resealed, current, changed, unopenable);
    }

    private static List<Map.Entry<Object, String>> page(Jdbi jdbi, SealedColumn c, @Nullable Object after) {
        // Names come from SealedColumns, never from input.
        String sql = "SELECT " + c.keyColumn() + " AS k, " + c.column() + " AS v FROM " + c.table() + " WHERE "
                + c.column() + " IS NOT NULL" + (after == null ? "" : " AND " + c.keyColumn() + " > :after")
                + " ORDER BY " + c.keyColumn() + " LIMIT " + PAGE;
        return jdbi.withHandle(h -> {
            var query = h.createQuery(sql);
            if (after != null) {
                query.bind("after", after);
            }
            return query.map((rs, ctx) -> Map.entry(rs.getObject("k"), rs.getString("v")))
                    .list();
        });
    }

    private record Rewrite(Object key, String old, String fresh) {}

    /** Writes one page's new values in one transaction; how many rows still held the value that was read. */
    private static int rewrite(Jdbi jdbi, SealedColumn c, List<Rewrite> rewrites) {
        if (rewrites.isEmpty()) {
            return 0;
        }
        String sql = "UPDATE " + c.table() + " SET " + c.column() + " = :fresh WHERE " + c.keyColumn() + " = :key AND "
                + c.column() + " = :old";
        return jdbi.inTransaction(h -> {
            int written = 0;
            for (Rewrite r : rewrites) {
                written += h.createUpdate(sql)
                        .bind("fresh", r.fresh())
                        .bind("key", r.key())
                        .bind("old", r.old())
                        .execute();
            }
            return written;
        });
    }
}
