package dev.signet.platform.api;

import dev.signet.platform.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class IdempotencyH2Test extends IdempotencyContract {
    @TempDir
    static Path dir;

    @Override
    TestDatabase openDatabase() {
        return TestDatabase.h2(dir);
    }
}
