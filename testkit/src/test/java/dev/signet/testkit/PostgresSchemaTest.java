package dev.signet.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PostgresSchemaTest {
    static boolean schemaExists(String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(Services.postgresUrl());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name = '" + name + "'")) {
            rs.next();
            return rs.getInt(1) == 1;
        }
    }

    @Test
    void create_givesAFreshSchemaThatConnectionsUseAndCloseDropsIt() throws SQLException {
        PostgresSchema schema = PostgresSchema.create("Fixture-Test");
        try (Connection c = DriverManager.getConnection(schema.jdbcUrl());
                Statement s = c.createStatement()) {
            assertThat(schema.name()).matches("t_fixture_test_[0-9a-f]{12}");
            s.execute("CREATE TABLE probe (id INT)");
            try (ResultSet rs = s.executeQuery("SELECT current_schema()")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo(schema.name());
            }
        } finally {
            schema.close();
        }
        assertThat(schemaExists(schema.name())).isFalse();
    }

    @Test
    void create_twice_givesDistinctSchemas() {
        try (PostgresSchema a = PostgresSchema.create("twice");
                PostgresSchema b = PostgresSchema.create("twice")) {
            assertThat(a.name()).isNotEqualTo(b.name());
        }
    }
}
