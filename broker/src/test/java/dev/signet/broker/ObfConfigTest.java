package dev.signet.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ObfConfigTest {
    private static Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>();
        env.put("SIGNET_ZOOM_ACCOUNT_ID", "acct");
        env.put("SIGNET_ZOOM_CLIENT_ID", "client");
        env.put("SIGNET_ZOOM_CLIENT_SECRET", "client-secret");
        env.put("SIGNET_BROKER_ZAK_USERS", "a@example.com");
        env.put("SIGNET_BROKER_SECRETS", Fixture.SECRET);
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    private static Map<String, String> obf(String... pairs) {
        Map<String, String> env = env(pairs);
        env.putAll(Fixture.obfEnv(Path.of("/tmp/signet-obf-config-test")));
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    @Test
    void withoutObfSettings_brokerServesZaksOnly() {
        assertThat(BrokerConfig.fromEnvironment(env()).obf()).isNull();
    }

    @Test
    void obfSettings_areReadWithDefaults() {
        ObfConfig config = BrokerConfig.fromEnvironment(obf()).obf();

        assertThat(config).isNotNull();
        assertThat(config.app().clientId()).isEqualTo(FakeZoom.OAUTH_CLIENT_ID);
        assertThat(config.connectUri()).hasToString("https://broker.test/connect");
        assertThat(config.callbackPath()).isEqualTo("/connect/callback");
        assertThat(config.databaseUrl()).startsWith("jdbc:h2:").contains("signet-obf-config-test");
        assertThat(config.grantRefreshAfter()).hasDays(30);
        assertThat(config.toString()).doesNotContain(FakeZoom.OAUTH_CLIENT_SECRET, Fixture.ADMIN, Fixture.ZOOM_TOKEN);
    }

    @Test
    void anObfSettingWithoutTheApp_isAOneLineError() {
        assertThatThrownBy(() -> BrokerConfig.fromEnvironment(env("SIGNET_BROKER_ADMIN_SECRETS", Fixture.ADMIN)))
                .hasMessageStartingWith("SIGNET_BROKER_OAUTH_CLIENT_ID is required for OBF tokens")
                .hasMessageNotContaining(Fixture.ADMIN)
                .hasMessageNotContaining("\n");
    }

    @Test
    void theAppWithoutAdminSecrets_isRefused() {
        Map<String, String> env = obf();
        env.remove("SIGNET_BROKER_ADMIN_SECRETS");

        assertThatThrownBy(() -> BrokerConfig.fromEnvironment(env))
                .hasMessageStartingWith("SIGNET_BROKER_ADMIN_SECRETS is required");
    }

    @Test
    void postgresWithoutAKey_isRefused() {
        assertThatThrownBy(() -> BrokerConfig.fromEnvironment(
                        obf("SIGNET_BROKER_DATABASE_URL", "jdbc:postgresql://127.0.0.1/test")))
                .hasMessageStartingWith("SIGNET_BROKER_ENCRYPTION_KEY is required with SIGNET_BROKER_DATABASE_URL");
    }

    @Test
    void badKeyOrShortAdminSecret_nameTheSettingButNotTheValue() {
        assertThatThrownBy(() -> BrokerConfig.fromEnvironment(obf("SIGNET_BROKER_ENCRYPTION_KEY", "c2hvcnQ=")))
                .hasMessageStartingWith("SIGNET_BROKER_ENCRYPTION_KEY must be base64 of 32 random bytes")
                .hasMessageNotContaining("c2hvcnQ=");
        assertThatThrownBy(() -> BrokerConfig.fromEnvironment(obf("SIGNET_BROKER_ADMIN_SECRETS", "short")))
                .hasMessageStartingWith("SIGNET_BROKER_ADMIN_SECRETS: every secret must be at least 16 characters");
        assertThatThrownBy(() -> BrokerConfig.fromEnvironment(obf("SIGNET_BROKER_GRANT_REFRESH_AFTER_DAYS", "90")))
                .hasMessageStartingWith("SIGNET_BROKER_GRANT_REFRESH_AFTER_DAYS must be between 1 and 80");
    }
}
