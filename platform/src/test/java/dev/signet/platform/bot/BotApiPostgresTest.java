package dev.signet.platform.bot;

import dev.signet.platform.TestDatabase;

class BotApiPostgresTest extends BotApiContract {
    @Override
    TestDatabase openDatabase() {
        return TestDatabase.postgres("bot_api");
    }
}
