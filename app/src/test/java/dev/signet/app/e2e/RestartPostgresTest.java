package dev.signet.app.e2e;

import dev.signet.testkit.PostgresSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The restart rule on PostgreSQL, in a schema of this class's own. */
class RestartPostgresTest extends RestartContract {
    private static PostgresSchema schema;

    @BeforeAll
    static void createSchema() {
        schema = PostgresSchema.create("e2e_restart");
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
