package dev.signet.platform.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.jdbi.v3.core.argument.Argument;
import org.jspecify.annotations.Nullable;

/**
 * Binds and reads {@code TIMESTAMP WITH TIME ZONE} as {@link OffsetDateTime}, which H2 and PostgreSQL both
 * support exactly, independent of the JVM's default time zone.
 */
public final class SqlTime {
    private SqlTime() {}

    /** The instant as stored: both databases keep microseconds. */
    public static Instant truncate(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    /** A Jdbi argument for a timestamp column; {@code null} binds SQL NULL. */
    public static Argument bind(@Nullable Instant instant) {
        if (instant == null) {
            return (position, statement, context) -> statement.setNull(position, Types.TIMESTAMP_WITH_TIMEZONE);
        }
        OffsetDateTime value = truncate(instant).atOffset(ZoneOffset.UTC);
        return (position, statement, context) -> statement.setObject(position, value);
    }

    /** Reads a nullable timestamp column. */
    public static @Nullable Instant read(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** Reads a non-null timestamp column. */
    public static Instant require(ResultSet rs, String column) throws SQLException {
        Instant value = read(rs, column);
        if (value == null) {
            throw new SQLException("column " + column + " is null");
        }
        return value;
    }
}
