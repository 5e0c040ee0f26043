package dev.signet.platform.api;

import dev.signet.platform.TestDatabase;

class IdempotencyPostgresTest extends IdempotencyContract {
    @Override
    TestDatabase openDatabase() {
        return TestDatabase.postgres("idempotency");
    }
}
