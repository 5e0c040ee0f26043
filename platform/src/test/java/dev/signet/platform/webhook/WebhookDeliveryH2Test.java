package dev.signet.platform.webhook;

import dev.signet.platform.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class WebhookDeliveryH2Test extends WebhookDeliveryContract {
    @TempDir
    static Path dir;

    @Override
    TestDatabase openDatabase() {
        return TestDatabase.h2(dir);
    }
}
