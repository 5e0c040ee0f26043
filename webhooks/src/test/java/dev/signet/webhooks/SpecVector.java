package dev.signet.webhooks;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** The test vector published with the Standard Webhooks specification (CONTRACTS.md §2). */
final class SpecVector {
    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    static final long TIMESTAMP = 1614265330L;
    static final String TIMESTAMP_TEXT = "1614265330";
    static final Instant AT = Instant.ofEpochSecond(TIMESTAMP);
    static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    private SpecVector() {}

    static WebhookSecret secret() {
        return WebhookSecret.parse(SECRET);
    }
}
