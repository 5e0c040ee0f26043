package dev.signet.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.signet.secrets.Secret;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretBoxTest {
    final SecureRandom random = new SecureRandom();
    final SecretBox box = SecretBox.of(SecretBox.generateKey(random), random);

    @Test
    void seal_thenOpen_returnsThePlaintext() {
        Secret url = Secret.of("https://t.example.com/zak?token=abc&user=x");

        String sealed = box.seal(url);

        assertThat(sealed).startsWith("v1:").doesNotContain("token").doesNotContain("abc");
        assertThat(box.open(sealed).reveal()).isEqualTo(url.reveal());
    }

    @Test
    void seal_twice_usesFreshNonces() {
        Secret value = Secret.of("same");

        assertThat(box.seal(value)).isNotEqualTo(box.seal(value));
    }

    @Test
    void open_withAnotherKey_fails() {
        String sealed = box.seal(Secret.of("value"));
        SecretBox other = SecretBox.of(SecretBox.generateKey(random), random);

        assertThatThrownBy(() -> other.open(sealed))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("configured encryption key");
    }

    @Test
    void open_tamperedOrMalformed_fails() {
        String sealed = box.seal(Secret.of("value"));
        byte[] bytes = Base64.getDecoder().decode(sealed.substring(3));
        bytes[bytes.length - 1] ^= 1;
        String tampered = "v1:" + Base64.getEncoder().encodeToString(bytes);

        assertThatThrownBy(() -> box.open(tampered)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> box.open("v2:abc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> box.open("v1:!!")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> box.open("v1:AAAA")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void of_keyOfWrongLengthOrNotBase64_failsWithoutEchoingIt() {
        Secret shortKey = Secret.of(Base64.getEncoder().encodeToString(new byte[16]));

        assertThatThrownBy(() -> SecretBox.of(shortKey, random)).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> SecretBox.of(Secret.of("not base64 at all %%"), random))
                .hasMessageContaining("base64")
                .hasMessageNotContaining("%%");
    }

    @Test
    void toString_doesNotShowTheKey() {
        assertThat(box.toString()).isEqualTo("SecretBox[***]");
    }
}
