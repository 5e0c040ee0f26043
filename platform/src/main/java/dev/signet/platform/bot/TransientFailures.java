package dev.signet.platform.bot;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Locale;
import java.util.Set;
import org.jdbi.v3.core.ConnectionException;

/**
 * Which database failures pass by themselves (retry them) and which will not (report them): the line between "load
 * slows a bot down" and "a bug ends it".
 */
final class TransientFailures {
    /**
     * SQLState classes that describe the connection or the server, not the statement: 08 connection exception, 40
     * transaction rollback (serialization failure, deadlock), 53 insufficient resources, 57 operator intervention
     * (PostgreSQL shutting down or restarting), 58 system error, HY timeouts (H2's lock timeout is HYT00).
     */
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "40", "53", "57", "58", "HY");

    /** H2 error codes of a database that is closing, busy or gone (not of a bad statement). */
    private static final Set<Integer> H2_TRANSIENT = Set.of(90_067, 90_098, 90_121, 90_020, 50_200);

    private TransientFailures() {}

    static boolean isTransient(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
            if (t instanceof SQLTransientException
                    || t instanceof SQLRecoverableException
                    || t instanceof ConnectionException
                    || t instanceof IOException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null
                        && state.length() >= 2
                        && TRANSIENT_CLASSES.contains(state.substring(0, 2).toUpperCase(Locale.ROOT))) {
                    return true;
                }
                if (H2_TRANSIENT.contains(sql.getErrorCode())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The failure in a few words for a log line: its innermost class and SQLState, never a statement's values. */
    static String describe(Throwable failure) {
        Throwable root = failure;
        String state = null;
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
            root = t;
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                state = sql.getSQLState();
            }
        }
        return root.getClass().getSimpleName() + (state == null ? "" : " SQLState " + state);
    }
}
