package dev.signet.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookSecretTest {
    private static String signWith(WebhookSecret secret) {
        return new WebhookSigner(List.of(secret)).signature(SpecVector.ID, SpecVector.TIMESTAMP, SpecVector.BODY);
    }

    @Test
    void parse_whsecPrefix_keyIsTheDecodedPart() {
        assertThat(signWith(SpecVector.secret())).isEqualTo(SpecVector.SIGNATURE);
        assertThat(SpecVector.secret().encoded()).isEqualTo(SpecVector.SECRET);
    }

    @Test
    void parse_bareBase64_sameKeyAsPrefixed() {
        WebhookSecret bare = WebhookSecret.parse("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

        assertThat(signWith(bare)).isEqualTo(SpecVector.SIGNATURE);
        assertThat(bare.encoded()).isEqualTo(SpecVector.SECRET);
    }

    @Test
    void parse_surroundingWhitespace_ignored() {
        assertThat(signWith(WebhookSecret.parse("  " + SpecVector.SECRET + "\n")))
                .isEqualTo(SpecVector.SIGNATURE);
    }

    @Test
    void parse_withoutPadding_accepted() {
        WebhookSecret padded = WebhookSecret.parse("whsec_c2VjcmV0LWtleS0xMg==");
        WebhookSecret unpadded = WebhookSecret.parse("whsec_c2VjcmV0LWtleS0xMg");

        assertThat(signWith(unpadded)).isEqualTo(signWith(padded));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "whsec_", "whsec_  ", "\n"})
    void parse_empty_rejected(String text) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> WebhookSecret.parse(text))
                .withMessageContaining("empty");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "whsec_not*base64!",
                "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2La-aSw",
                "whsec_MfKQ9r8G KYqrTwjU",
                "whsec_A",
                "hunter2-is-my-password"
            })
    void parse_invalidBase64_rejectedWithoutEchoingTheSecret(String text) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> WebhookSecret.parse(text))
                .satisfies(e -> {
                    assertThat(e.getMessage()).contains("not valid base64");
                    String secretPart = text.substring(text.startsWith("whsec_") ? 6 : 0);
                    assertThat(e.getMessage()).doesNotContain(secretPart);
                    // The JDK decoder's message names the offending character; it must not ride along as the cause.
                    assertThat(e.getCause()).isNull();
                });
    }

    @Test
    void generate_freshKeys_roundTripThroughEncoded() {
        SecureRandom random = new SecureRandom();
        WebhookSecret first = WebhookSecret.generate(random);
        WebhookSecret second = WebhookSecret.generate(random);

        assertThat(first.encoded()).startsWith("whsec_").isNotEqualTo(second.encoded());
        assertThat(first.key().getEncoded()).hasSize(WebhookSecret.GENERATED_KEY_BYTES);
        assertThat(signWith(WebhookSecret.parse(first.encoded()))).isEqualTo(signWith(first));
        assertThat(signWith(first)).isNotEqualTo(signWith(second));
    }

    @Test
    void toString_neverRevealsTheKey() {
        WebhookSecret secret = SpecVector.secret();

        assertThat(secret.toString()).isEqualTo("***");
        assertThat(String.valueOf(List.of(secret))).doesNotContain("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    }
}
