package dev.signet.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookSignerTest {
    private static final WebhookSecret OLD = WebhookSecret.parse("whsec_b2xkLXNlY3JldC1rZXktMDEyMzQ1Njc4OWFi");
    private static final WebhookSecret NEW = WebhookSecret.parse("whsec_bmV3LXNlY3JldC1rZXktMDEyMzQ1Njc4OWFi");

    @Test
    void signature_specTestVector_matches() {
        WebhookSigner signer = new WebhookSigner(List.of(SpecVector.secret()));

        assertThat(signer.signature(SpecVector.ID, SpecVector.TIMESTAMP, SpecVector.BODY))
                .isEqualTo(SpecVector.SIGNATURE);
    }

    @Test
    void sign_specTestVector_headersMatch() {
        SignedHeaders headers = new WebhookSigner(List.of(SpecVector.secret()))
                .sign(SpecVector.ID, SpecVector.AT.plusMillis(999), SpecVector.BODY);

        assertThat(headers)
                .isEqualTo(new SignedHeaders(SpecVector.ID, SpecVector.TIMESTAMP_TEXT, SpecVector.SIGNATURE));
        assertThat(headers.asMap())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "webhook-id", SpecVector.ID,
                        "webhook-timestamp", SpecVector.TIMESTAMP_TEXT,
                        "webhook-signature", SpecVector.SIGNATURE));
    }

    @Test
    void signature_severalSecrets_oneEntryPerSecretInOrder() {
        String both = new WebhookSigner(List.of(OLD, NEW)).signature("msg_1", 1_700_000_000L, SpecVector.BODY);
        String oldOnly = new WebhookSigner(List.of(OLD)).signature("msg_1", 1_700_000_000L, SpecVector.BODY);
        String newOnly = new WebhookSigner(List.of(NEW)).signature("msg_1", 1_700_000_000L, SpecVector.BODY);

        assertThat(both).isEqualTo(oldOnly + " " + newOnly);
        assertThat(oldOnly).startsWith("v1,").isNotEqualTo(newOnly);
    }

    @Test
    void signature_emptyBody_signsIdAndTimestampOnly() {
        WebhookSigner signer = new WebhookSigner(List.of(OLD));

        String empty = signer.signature("msg_1", 1_700_000_000L, new byte[0]);

        assertThat(empty).startsWith("v1,").hasSize("v1,".length() + 44);
        assertThat(empty).isNotEqualTo(signer.signature("msg_1", 1_700_000_000L, " ".getBytes(StandardCharsets.UTF_8)));
        assertThat(empty).isNotEqualTo(signer.signature("msg_2", 1_700_000_000L, new byte[0]));
        assertThat(empty).isNotEqualTo(signer.signature("msg_1", 1_700_000_001L, new byte[0]));
    }

    @Test
    void signer_withoutSecrets_rejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new WebhookSigner(List.of()));
    }

    @Test
    void signature_blankOrControlCharacterId_rejected() {
        WebhookSigner signer = new WebhookSigner(List.of(OLD));

        assertThatIllegalArgumentException()
                .isThrownBy(() -> signer.signature(" ", 1L, new byte[0]))
                .withMessageContaining("webhook-id");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> signer.signature("msg\r\nX-Injected: 1", 1L, new byte[0]))
                .withMessageContaining("control character");
    }

    @Test
    void signature_negativeTimestamp_rejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new WebhookSigner(List.of(OLD)).signature("msg_1", -1L, new byte[0]));
    }

    @Test
    void sign_beforeEpoch_rejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new WebhookSigner(List.of(OLD))
                        .sign("msg_1", Instant.parse("1969-12-31T23:59:59Z"), new byte[0]));
    }

    @Test
    void signedHeaders_blankValue_rejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new SignedHeaders("", "1", "v1,x"));
        assertThatIllegalArgumentException().isThrownBy(() -> new SignedHeaders("msg", " ", "v1,x"));
        assertThatIllegalArgumentException().isThrownBy(() -> new SignedHeaders("msg", "1", ""));
    }

    @Test
    void toString_neverRevealsTheKeys() {
        WebhookSigner signer = new WebhookSigner(List.of(SpecVector.secret(), OLD));

        assertThat(signer.toString())
                .isEqualTo("WebhookSigner[secrets=2]")
                .doesNotContain("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    }
}
