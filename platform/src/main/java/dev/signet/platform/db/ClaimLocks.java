package dev.signet.platform.db;

import java.sql.SQLException;
import org.jdbi.v3.core.Handle;

/**
 * The row-lock clause of a claim query ({@code SELECT … ORDER BY … LIMIT n}), by database (decision 0011's update of
 * 2026-12-04).
 *
 * <p>On PostgreSQL it is {@code FOR UPDATE SKIP LOCKED}: PostgreSQL locks only the rows the {@code LIMIT} returns, and
 * several nodes claiming at once skip each other's rows. H2 (2.5) locks every row that matches the condition before
 * it sorts and cuts to the limit, and each lock is a write to its store: with 10,000 due rows every claim rewrote the
 * pages of all of them, and the webhook claim took half the platform's CPU at 10,000 bots. H2 runs one node only
 * (decision 0023) with one claimer per table, so there it is empty; callers make their claim {@code UPDATE}s
 * conditional and keep only the rows they changed, which is also what keeps a claim safe against a concurrent API
 * write to the same row.
 */
public final class ClaimLocks {
    private ClaimLocks() {}

    /** {@code " FOR UPDATE SKIP LOCKED"} on PostgreSQL, {@code ""} on H2. */
    public static String skipLocked(Handle h) {
        try {
            return "H2".equals(h.getConnection().getMetaData().getDatabaseProductName())
                    ? ""
                    : " FOR UPDATE SKIP LOCKED";
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database's product name", e);
        }
    }
}
