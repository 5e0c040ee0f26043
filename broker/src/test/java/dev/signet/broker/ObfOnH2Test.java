package dev.signet.broker;

import dev.signet.broker.db.Database;
import java.util.Map;

/** The OBF contract on the embedded H2 database. */
class ObfOnH2Test extends ObfContract {
    @Override
    Map<String, String> databaseEnv() {
        return Map.of();
    }

    @Override
    String jdbcUrl() {
        return Database.embeddedUrl(dir);
    }
}
