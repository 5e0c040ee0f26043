package dev.signet.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.testkit.MutableClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The README's sender and receiver snippets, with a map standing in for the HTTP request. */
class ReadmeExampleTest {
    private final MutableClock clock = MutableClock.fixed();
    private final String secretText = WebhookSecret.generate(new SecureRandom()).encoded();

    @Test
    void readme_senderAndReceiver_agree() {
        byte[] body = new byte[0];
        Map<String, String> request = new HashMap<>();

        WebhookSigner signer = new WebhookSigner(List.of(WebhookSecret.parse(secretText)));
        SignedHeaders headers = signer.sign("msg_" + UUID.randomUUID(), clock.instant(), body);
        headers.asMap().forEach(request::put);

        Duration tolerance = Duration.ofMinutes(5);
        WebhookVerifier verifier = new WebhookVerifier(
                List.of(WebhookSecret.parse(secretText)),
                tolerance,
                clock,
                ReplayGuard.inMemory(tolerance, 100_000, clock));

        Verification result = verifier.verify(
                request.get(SignedHeaders.ID),
                request.get(SignedHeaders.TIMESTAMP),
                request.get(SignedHeaders.SIGNATURE),
                body);
        int status = switch (result) {
            case Verification.Valid valid -> 200;
            case Verification.Invalid invalid -> 401;
        };

        assertThat(status).isEqualTo(200);
        assertThat(verifier.verify(
                        request.get(SignedHeaders.ID),
                        request.get(SignedHeaders.TIMESTAMP),
                        request.get(SignedHeaders.SIGNATURE),
                        body))
                .isEqualTo(new Verification.Invalid(Verification.Reason.REPLAYED));
    }
}
