package dev.signet.platform.bot;

import dev.signet.platform.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class BotStoreH2Test extends BotStoreContract {
    @TempDir
    static Path dir;

    @Override
    TestDatabase openDatabase() {
        return TestDatabase.h2(dir);
    }
}
