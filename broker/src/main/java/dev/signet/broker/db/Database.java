package dev.signet.broker.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.TemplateEngine;

/**
 * The broker's grant database: a HikariCP pool migrated by Flyway and used through Jdbi, on an H2 file (the embedded
 * default) or PostgreSQL. Its migrations and history table are the broker's own ({@code dev/signet/broker/db/migration},
 * {@code broker_schema_history}), so it can share a database or a process with the platform.
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final boolean embedded;

    private Database(HikariDataSource dataSource, boolean embedded) {
        this.dataSource = dataSource;
        this.embedded = embedded;
        this.jdbi = Jdbi.create(dataSource).setTemplateEngine(TemplateEngine.NOP);
    }

    /** The embedded H2 database under {@code dataDir}; every commit is written at once. */
    public static String embeddedUrl(Path dataDir) {
        // async: an interrupted thread must not close H2's file channel under everyone else.
        return "jdbc:h2:async:" + dataDir.resolve("broker-grants").toAbsolutePath()
                + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
    }

    /** Whether {@code jdbcUrl} names an H2 database. */
    public static boolean isEmbedded(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:h2:");
    }

    /**
     * Opens a pool on {@code jdbcUrl} and applies pending migrations.
     *
     * @throws IllegalStateException naming the database (never its password) when it cannot be reached or migrated
     */
    public static Database open(String jdbcUrl, int maxPoolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setMaximumPoolSize(maxPoolSize);
        config.setPoolName("signet-broker-db");
        config.setConnectionTimeout(10_000);
        config.setInitializationFailTimeout(10_000);
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "cannot open the grant database " + describe(jdbcUrl) + ": " + rootMessage(e), e);
        }
        try {
            migrate(dataSource);
        } catch (RuntimeException e) {
            dataSource.close();
            throw new IllegalStateException(
                    "cannot migrate the grant database " + describe(jdbcUrl) + ": " + rootMessage(e), e);
        }
        return new Database(dataSource, isEmbedded(jdbcUrl));
    }

    private static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:dev/signet/broker/db/migration")
                .table("broker_schema_history")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .failOnMissingLocations(true)
                .load()
                .migrate();
    }

    /** Jdbi over the pool. */
    public Jdbi jdbi() {
        return jdbi;
    }

    /** Whether this is the embedded H2 database (one process only). */
    public boolean embedded() {
        return embedded;
    }

    /** Whether the database answers within a few seconds. */
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
