package dev.signet.platform.webhook;

import dev.signet.platform.TestDatabase;

class WebhookDeliveryPostgresTest extends WebhookDeliveryContract {
    @Override
    TestDatabase openDatabase() {
        return TestDatabase.postgres("webhooks");
    }
}
