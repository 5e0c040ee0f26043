package dev.signet.platform.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.signet.webhooks.ReplayGuard;
import dev.signet.webhooks.Verification;
import dev.signet.webhooks.WebhookSecret;
import dev.signet.webhooks.WebhookSigner;
import dev.signet.webhooks.WebhookVerifier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Fuzzes {@code webhooks}' verifier with arbitrary headers and bodies: it answers {@code Valid} or {@code Invalid},
 * never throws, accepts a forged signature never, and accepts what the signer signed. See fuzz/README.md.
 */
class WebhookVerifierFuzzTest {
    static final WebhookSecret SECRET = WebhookSecret.parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    @FuzzTest(maxDuration = "30s")
    void verify_neverThrowsAndAcceptsOnlyRealSignatures(FuzzedDataProvider data) {
        WebhookVerifier verifier = new WebhookVerifier(
                List.of(SECRET), Duration.ofMinutes(5), Clock.fixed(NOW, ZoneOffset.UTC), ReplayGuard.none());
        String id = data.consumeBoolean() ? null : data.consumeString(80);
        String timestamp = data.consumeBoolean() ? null : data.consumeString(24);
        String signature = data.consumeBoolean() ? null : data.consumeString(200);
        byte[] body = data.consumeRemainingAsBytes();

        Verification forged = verifier.verify(id, timestamp, signature, body);
        // Random headers cannot carry the HMAC of the body: accepting them would be a forgery.
        assertThat(forged).isInstanceOf(Verification.Invalid.class);

        var headers = new WebhookSigner(List.of(SECRET)).sign("msg_fuzz", NOW, body);
        Verification real = verifier.verify(headers.id(), headers.timestamp(), headers.signature(), body);
        assertThat(real).isInstanceOf(Verification.Valid.class);
    }
}
