package dev.signet.bench.platform;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The platform's database for one run: its embedded H2 (no URL), or a fresh schema in the PostgreSQL database a JDBC
 * URL names, dropped when the run ends so runs never see each other's rows.
 */
public final class BenchDatabase implements AutoCloseable {
    private final @Nullable String adminUrl;
    private final @Nullable String schema;

    private BenchDatabase(@Nullable String adminUrl, @Nullable String schema) {
        this.adminUrl = adminUrl;
        this.schema = schema;
    }

    /** {@code "h2"}: the platform's embedded default; a {@code jdbc:postgresql:} URL: a new schema. */
    public static BenchDatabase of(String url, Clock clock) throws SQLException {
        if (url.equals("h2")) {
            return new BenchDatabase(null, null);
        }
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("the database must be h2 or a jdbc:postgresql: URL, was " + url);
        }
        String schema = "signet_bench_" + clock.millis();
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        return new BenchDatabase(url, schema);
    }

    /** The URL the platform gets ({@code SIGNET_DATABASE_URL}); empty for the embedded default. */
    public Optional<String> url() {
        if (adminUrl == null || schema == null) {
            return Optional.empty();
        }
        return Optional.of(adminUrl + (adminUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema);
    }

    @Override
    public void close() throws SQLException {
        if (adminUrl == null || schema == null) {
            return;
        }
        try (Connection c = DriverManager.getConnection(adminUrl);
                Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }
}
