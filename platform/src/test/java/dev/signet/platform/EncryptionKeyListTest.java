package dev.signet.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.signet.platform.crypto.SecretBox;
import dev.signet.secrets.Secret;
import java.security.SecureRandom;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code SIGNET_ENCRYPTION_KEY} as a rotation list: accepted, each key guarded in the logs on its own. */
class EncryptionKeyListTest {
    final SecureRandom random = new SecureRandom();
    final String newKey = SecretBox.generateKey(random).reveal();
    final String oldKey = SecretBox.generateKey(random).reveal();

    @Test
    void fromEnvironment_keyList_isAccepted_andEachKeyIsALogSecret() {
        Map<String, String> env = PlatformConfigTest.minimal();
        env.put("SIGNET_ENCRYPTION_KEY", newKey + ", " + oldKey);

        PlatformConfig config = PlatformConfig.fromEnvironment(env);
        Secret key = java.util.Objects.requireNonNull(config.encryptionKey());

        assertThat(SecretBox.of(key, random).keyCount()).isEqualTo(2);
        assertThat(config.secretsAsText(key)).contains(newKey, oldKey);
    }

    @Test
    void fromEnvironment_badKeyInTheList_namesTheVariableAndPosition_notTheKey() {
        Map<String, String> env = PlatformConfigTest.minimal();
        env.put("SIGNET_ENCRYPTION_KEY", newKey + ",c2hvcnQ=");

        assertThatThrownBy(() -> PlatformConfig.fromEnvironment(env))
                .hasMessageContaining("SIGNET_ENCRYPTION_KEY")
                .hasMessageContaining("key 2")
                .hasMessageNotContaining(newKey)
                .hasMessageNotContaining("c2hvcnQ=");
    }
}
