package dev.signet.app.e2e;

import dev.signet.testkit.PostgresSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The demo's stories on PostgreSQL, in a schema of this class's own. */
class DemoScenariosPostgresTest extends DemoScenariosContract {
    private static PostgresSchema schema;

    @BeforeAll
    static void createSchema() {
        schema = PostgresSchema.create("e2e_demo");
    }

    @AfterAll
    static void dropSchema() {
        if (schema != null) {
            schema.close();
        }
    }

    @Override
    E2eStack.Options options() {
        return E2eStack.Options.standard().database(schema.jdbcUrl());
    }
}
