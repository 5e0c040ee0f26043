package dev.signet.platform;

import dev.signet.testkit.PostgresSchema;
import java.nio.file.Path;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A database for one test class: an H2 file database in a temporary directory, or a PostgreSQL schema of its own. */
public final class TestDatabase implements AutoCloseable {
    private final String kind;
    private final String jdbcUrl;
    private final @Nullable PostgresSchema schema;

    private TestDatabase(String kind, String jdbcUrl, @Nullable PostgresSchema schema) {
        this.kind = kind;
        this.jdbcUrl = jdbcUrl;
        this.schema = schema;
    }

    /** An H2 file database under {@code dir}, durable like the embedded default. */
    public static TestDatabase h2(Path dir) {
        return new TestDatabase("h2", PlatformConfig.embeddedUrl(dir.resolve("db-" + UUID.randomUUID())), null);
    }

    /** A fresh PostgreSQL schema; skips the test class when PostgreSQL is absent (unless services are required). */
    public static TestDatabase postgres(String prefix) {
        PostgresSchema schema = PostgresSchema.create(prefix);
        return new TestDatabase("postgres", schema.jdbcUrl(), schema);
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String kind() {
        return kind;
    }

    @Override
    public void close() {
        if (schema != null) {
            schema.close();
        }
    }

    @Override
    public String toString() {
        return kind;
    }
}
