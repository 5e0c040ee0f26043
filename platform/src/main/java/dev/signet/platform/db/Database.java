package dev.signet.platform.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementException;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.jdbi.v3.core.statement.TemplateEngine;

/**
 * The platform's database: a HikariCP pool migrated by Flyway and used through Jdbi.
 *
 * <p>Works on an H2 file database (the embedded default) and on PostgreSQL; the migrations under
 * {@code db/migration} are written to run on both.
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;

    private Database(HikariDataSource dataSource) {
        this.dataSource = dataSource;
        // SQL is plain text with named parameters; no template engine rewrites '<' comparisons.
        this.jdbi = Jdbi.create(dataSource).setTemplateEngine(TemplateEngine.NOP);
        // A failed statement's message names the statement, never its bound values: Jdbi's default puts them in the
        // message, and so in the ERROR log line (bot names, meeting passcodes, metadata, sealed credentials).
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(Database::withoutValues);
    }

    /** The driver's message and the statement's text, at most 200 characters of it, without any bound value. */
    static String withoutValues(StatementException e) {
        String message = StatementExceptions.MessageRendering.NONE.apply(e);
        StatementContext context = e.getStatementContext();
        String sql = context == null ? null : context.getRawSql();
        if (sql == null) {
            return message;
        }
        String flat = sql.strip().replaceAll("\\s+", " ");
        return message + " [statement: " + (flat.length() > 200 ? flat.substring(0, 200) + "..." : flat) + "]";
    }

    /**
     * Opens a pool on {@code jdbcUrl} and applies pending migrations.
     *
     * @throws IllegalStateException naming the database (never its password) when it cannot be reached or migrated
     */
    public static Database open(String jdbcUrl, int maxPoolSize) {
        return open(jdbcUrl, maxPoolSize, Duration.ofSeconds(10));
    }

    /**
     * Opens a pool of at most {@code maxPoolSize} connections that waits {@code connectionTimeout} for a free one
     * (then fails with a transient error that callers may retry).
     */
    public static Database open(String jdbcUrl, int maxPoolSize, Duration connectionTimeout) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setMaximumPoolSize(maxPoolSize);
        config.setPoolName("signet-db");
        config.setConnectionTimeout(connectionTimeout.toMillis());
        config.setInitializationFailTimeout(10_000);
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            // The batched write paths (status changes, webhooks, participants) send INSERT batches: rewritten into
            // multi-row INSERTs they cost PostgreSQL one statement per ~128 rows instead of one per row. Their
            // update counts become SUCCESS_NO_INFO; no caller reads an INSERT batch's counts.
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
            // The server's error detail ("Failing row contains (...)") would put a whole row's values in the message.
            config.addDataSourceProperty("logServerErrorDetail", "false");
        }
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(config);
        } catch (RuntimeException e) {
            String root = rootMessage(e);
            if (jdbcUrl.startsWith("jdbc:h2:") && root.contains("locked")) {
                // H2's own words ("The file is locked") do not say why: a second process on the same data directory.
                throw new IllegalStateException(
                        "the embedded database " + describe(jdbcUrl) + " is in use by another signet platform process;"
                                + " one process per data directory (run several nodes on PostgreSQL:"
                                + " SIGNET_DATABASE_URL)",
                        e);
            }
            throw new IllegalStateException("cannot open database " + describe(jdbcUrl) + ": " + root, e);
        }
        try {
            migrate(dataSource);
        } catch (RuntimeException e) {
            dataSource.close();
            throw new IllegalStateException("cannot migrate database " + describe(jdbcUrl) + ": " + rootMessage(e), e);
        }
        return new Database(dataSource);
    }

    private static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load()
                .migrate();
    }

    /** Jdbi over the pool. */
    public Jdbi jdbi() {
        return jdbi;
    }

    /** Whether the database answers a trivial query within a few seconds (for {@code /readyz}). */
    public boolean answers() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(3);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }

    /** The URL without its query or parameters, which may carry a password. */
    static String describe(String jdbcUrl) {
        int cut = jdbcUrl.length();
        for (char c : new char[] {'?', ';'}) {
            int at = jdbcUrl.indexOf(c);
            if (at >= 0 && at < cut) {
                cut = at;
            }
        }
        String head = jdbcUrl.substring(0, cut);
        int at = head.lastIndexOf('@');
        int scheme = head.indexOf("//");
        if (at >= 0 && scheme >= 0 && at > scheme) {
            head = head.substring(0, scheme + 2) + head.substring(at + 1);
        }
        return head;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        for (int depth = 0; depth < 20 && root.getCause() != null; depth++) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }
}
