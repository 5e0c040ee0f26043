package dev.signet.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.signet.secrets.Secret;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class SecretBoxTest {
    final SecureRandom random = new SecureRandom();
    final Secret key = SecretBox.generateKey(random);
    final SecretBox box = SecretBox.of(key, random);
    final UUID botA = UUID.randomUUID();
    final UUID botB = UUID.randomUUID();
    final Binding zakOfA = SealedColumns.BOT_ZAK_URL.at(botA);

    @Test
    void seal_thenOpen_returnsThePlaintext() {
        Secret url = Secret.of("https://t.example.com/zak?token=abc&user=x");

        String sealed = box.seal(url, zakOfA);

        assertThat(sealed).startsWith("v2:").doesNotContain("token").doesNotContain("abc");
        assertThat(box.open(sealed, zakOfA).reveal()).isEqualTo(url.reveal());
        assertThat(box.needsReseal(sealed)).isFalse();
    }

    @Test
    void open_copiedToAnotherRowOrColumnOrTable_fails() {
        String sealed = box.seal(Secret.of("https://t.example.com/zak?token=abc"), zakOfA);

        assertThatThrownBy(() -> box.open(sealed, SealedColumns.BOT_ZAK_URL.at(botB)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("copied from another row or column")
                .hasMessageNotContaining("abc");
        assertThatThrownBy(() -> box.open(sealed, SealedColumns.BOT_OBF_TOKEN_URL.at(botA)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> box.open(sealed, new Binding("webhook_deliveries", "zak_url", botA.toString())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void seal_twice_usesFreshNonces() {
        Secret value = Secret.of("same");

        assertThat(box.seal(value, zakOfA)).isNotEqualTo(box.seal(value, zakOfA));
    }

    @Test
    void open_withAnotherKey_failsNamingTheSetting() {
        String sealed = box.seal(Secret.of("value"), zakOfA);
        SecretBox other = SecretBox.of(SecretBox.generateKey(random), random);

        assertThatThrownBy(() -> other.open(sealed, zakOfA))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SIGNET_ENCRYPTION_KEY");
    }

    @Test
    void keyList_firstSeals_allOpen() {
        Secret newKey = SecretBox.generateKey(random);
        String underOld = box.seal(Secret.of("old"), zakOfA);
        SecretBox rotated = SecretBox.of(Secret.of(newKey.reveal() + ", " + key.reveal()), random);
        SecretBox newOnly = SecretBox.of(newKey, random);

        String underNew = rotated.seal(Secret.of("new"), zakOfA);

        assertThat(rotated.keyCount()).isEqualTo(2);
        assertThat(rotated.open(underOld, zakOfA).reveal()).isEqualTo("old");
        assertThat(rotated.open(underNew, zakOfA).reveal()).isEqualTo("new");
        assertThat(newOnly.open(underNew, zakOfA).reveal()).isEqualTo("new");
        assertThat(rotated.needsReseal(underOld)).isTrue();
        assertThat(rotated.needsReseal(underNew)).isFalse();
        assertThatThrownBy(() -> box.open(underNew, zakOfA)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void firstFormat_withoutBinding_stillOpens_withAnyKeyOfTheList_andNeedsReseal() {
        String legacy = sealV1(key, "https://t.example.com/zak?token=abc");
        SecretBox rotated =
                SecretBox.of(Secret.of(SecretBox.generateKey(random).reveal() + "," + key.reveal()), random);

        assertThat(box.open(legacy, zakOfA).reveal()).isEqualTo("https://t.example.com/zak?token=abc");
        assertThat(rotated.open(legacy, zakOfA).reveal()).isEqualTo("https://t.example.com/zak?token=abc");
        assertThat(box.needsReseal(legacy)).isTrue();
        assertThatThrownBy(() ->
                        SecretBox.of(SecretBox.generateKey(random), random).open(legacy, zakOfA))
                .hasMessageContaining("any configured encryption key");
    }

    @Test
    void open_tamperedOrMalformed_fails() {
        String sealed = box.seal(Secret.of("value"), zakOfA);
        byte[] bytes = Base64.getDecoder().decode(sealed.substring(3));
        bytes[bytes.length - 1] ^= 1;
        String tampered = "v2:" + Base64.getEncoder().encodeToString(bytes);

        assertThatThrownBy(() -> box.open(tampered, zakOfA)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> box.open("v3:abc", zakOfA)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> box.open("v2:!!", zakOfA)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> box.open("v2:AAAA", zakOfA)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> box.open("v1:AAAA", zakOfA)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void of_badKeyInAList_failsNamingItsPositionWithoutEchoingIt() {
        Secret shortKey = Secret.of(Base64.getEncoder().encodeToString(new byte[16]));

        assertThatThrownBy(() -> SecretBox.of(shortKey, random)).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> SecretBox.of(Secret.of("not base64 at all %%"), random))
                .hasMessageContaining("base64")
                .hasMessageNotContaining("%%");
        assertThatThrownBy(() -> SecretBox.of(Secret.of(key.reveal() + ",%%secret%%"), random))
                .hasMessageContaining("encryption key 2 ")
                .hasMessageNotContaining("%%secret%%")
                .hasMessageNotContaining(key.reveal());
        assertThatThrownBy(() -> SecretBox.of(Secret.of(key.reveal() + ",,"), random))
                .hasMessageContaining("key 2 of 3 is empty");
    }

    @Test
    void keyTexts_splitsAndStrips() {
        assertThat(SecretBox.keyTexts(Secret.of(" a , b"))).containsExactly("a", "b");
    }

    @Test
    void toString_doesNotShowTheKey() {
        assertThat(box.toString()).isEqualTo("SecretBox[***]");
    }

    /** The first format, as the platform wrote it before bindings: {@code v1:} base64(nonce, ciphertext and tag). */
    static String sealV1(Secret base64Key, String plain) {
        try {
            byte[] nonce = new byte[12];
            new SecureRandom().nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(
                    Cipher.ENCRYPT_MODE,
                    new SecretKeySpec(Base64.getDecoder().decode(base64Key.reveal()), "AES"),
                    new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return "v1:"
                    + Base64.getEncoder()
                            .encodeToString(ByteBuffer.allocate(12 + sealed.length)
                                    .put(nonce)
                                    .put(sealed)
                                    .array());
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
