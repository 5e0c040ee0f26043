package dev.signet.platform.retention;

import dev.signet.platform.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class RetentionH2Test extends RetentionContract {
    @TempDir
    static Path dir;

    @Override
    TestDatabase openDatabase() {
        return TestDatabase.h2(dir);
    }
}
