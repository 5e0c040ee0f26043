package dev.signet.testkit;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A PostgreSQL schema of its own for one test class: created on {@link #create}, dropped with everything in
 * it on {@link #close}, so test classes never collide and migrations always start from nothing.
 *
 * <pre>{@code
 * static PostgresSchema schema;
 * @BeforeAll static void up() { schema = PostgresSchema.create("bot_api"); }
 * @AfterAll static void down() { schema.close(); }
 * // schema.jdbcUrl() has currentSchema set
 * }</pre>
 */
public final class PostgresSchema implements AutoCloseable {
    private final String name;
    private final String jdbcUrl;

    private PostgresSchema(String name, String jdbcUrl) {
        this.name = name;
        this.jdbcUrl = jdbcUrl;
    }

    /**
     * Creates a fresh schema named after {@code prefix}; skips the test (or fails it when services are required)
     * if PostgreSQL does not answer.
     */
    public static PostgresSchema create(String prefix) {
        Services.assumePostgres();
        byte[] suffix = new byte[6];
        new SecureRandom().nextBytes(suffix);
        String name = ("t_" + prefix.replaceAll("[^A-Za-z0-9_]", "_") + "_"
                        + HexFormat.of().formatHex(suffix))
                .toLowerCase(Locale.ROOT);
        execute("CREATE SCHEMA " + name);
        String base = Services.postgresUrl();
        String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + name;
        return new PostgresSchema(name, url);
    }

    /** The schema's name. */
    public String name() {
        return name;
    }

    /** A JDBC URL whose connections use this schema. */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** Drops the schema and everything in it. */
    @Override
    public void close() {
        execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(Services.postgresUrl());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL refused: " + sql + " (" + e.getMessage() + ")", e);
        }
    }
}
