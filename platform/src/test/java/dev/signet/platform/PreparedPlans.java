package dev.signet.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;

/**
 * Prepares one of the platform's statements as PostgreSQL keeps it for a pooled connection, to read the plan it runs
 * with later (decision 0011, fourth update of 2026-12-04). The statement is the repository's own text, its named
 * parameters turned into positional ones in the order they first appear.
 */
public final class PreparedPlans {
    private static final Pattern NAMED = Pattern.compile("(?<!:):(\\w+)");

    private PreparedPlans() {}

    /** {@code sql} with {@code :name} parameters as {@code $1, $2, …}, numbered by first appearance. */
    public static String positional(String sql) {
        List<String> names = new ArrayList<>();
        Matcher m = NAMED.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            if (!names.contains(m.group(1))) {
                names.add(m.group(1));
            }
            m.appendReplacement(out, "\\$" + (names.indexOf(m.group(1)) + 1));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * Prepares {@code sql} as {@code name} on {@code h}'s connection and runs it ten times with {@code arguments} (SQL
     * literals in parameter order): more than the five custom plans after which PostgreSQL may settle on a generic
     * one.
     */
    public static void prepareAndRun(Handle h, String name, String sql, String arguments) {
        h.execute("PREPARE " + name + " AS " + positional(sql));
        for (int i = 0; i < 10; i++) {
            h.execute("EXECUTE " + name + " (" + arguments + ")");
        }
    }

    /** The plan {@code name} runs with now. */
    public static String explain(Handle h, String name, String arguments) {
        return String.join(
                "\n",
                h.createQuery("EXPLAIN EXECUTE " + name + " (" + arguments + ")")
                        .mapTo(String.class)
                        .list());
    }
}
