package dev.signet.platform.retention;

import dev.signet.platform.TestDatabase;

class RetentionPostgresTest extends RetentionContract {
    @Override
    TestDatabase openDatabase() {
        return TestDatabase.postgres("retention");
    }
}
