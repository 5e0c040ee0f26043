package dev.signet.platform.bot;

import dev.signet.platform.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class StatusWriterH2Test extends StatusWriterContract {
    @TempDir
    Path dir;

    @Override
    TestDatabase openDatabase() {
        return TestDatabase.h2(dir);
    }
}
