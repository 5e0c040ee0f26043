package dev.signet.platform.bot;

import dev.signet.platform.TestDatabase;

class BotStorePostgresTest extends BotStoreContract {
    @Override
    TestDatabase openDatabase() {
        return TestDatabase.postgres("bot_store");
    }
}
