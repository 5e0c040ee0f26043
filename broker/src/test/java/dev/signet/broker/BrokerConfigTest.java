package dev.signet.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.signet.secrets.settings.Setting;
import dev.signet.secrets.settings.SettingsTable;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BrokerConfigTest {
    private static Map<String, String> minimal() {
        Map<String, String> env = new HashMap<>();
        env.put("SIGNET_ZOOM_ACCOUNT_ID", "acct");
        env.put("SIGNET_ZOOM_CLIENT_ID", "client");
        env.put("SIGNET_ZOOM_CLIENT_SECRET", "client-secret-value");
        env.put("SIGNET_BROKER_ZAK_USERS", "bot@example.com");
        env.put("SIGNET_BROKER_SECRETS", "a-long-enough-query-secret");
        return env;
    }

    private static Map<String, String> with(String name, String value) {
        Map<String, String> env = minimal();
        env.put(name, value);
        return env;
    }

    @Test
    void fromEnvironment_minimal_takesDocumentedDefaults() {
        BrokerConfig config = BrokerConfig.fromEnvironment(minimal());

        assertThat(config.host()).isEqualTo("0.0.0.0");
        assertThat(config.port()).isEqualTo(8081);
        assertThat(config.zoomEndpoints().oauthBase()).hasToString("https://zoom.us");
        assertThat(config.zoomEndpoints().apiBase()).hasToString("https://api.zoom.us/v2");
        assertThat(config.secretParam()).isEqualTo("token");
        assertThat(config.zakTtl()).isEqualTo(Duration.ofHours(2));
        assertThat(config.zakReuse()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.zakMinRemaining()).isEqualTo(Duration.ofMinutes(30));
        assertThat(config.pool()).isEqualTo(BrokerConfig.Pool.STICKY);
        assertThat(config.userCooldown()).isEqualTo(Duration.ofMinutes(10));
        assertThat(config.zoomTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.webhookSecret()).isNull();
    }

    @Test
    void fromEnvironment_everySetting_isRead() {
        Map<String, String> env = minimal();
        env.put("SIGNET_BROKER_HOST", "127.0.0.1");
        env.put("SIGNET_BROKER_PORT", "0");
        env.put("SIGNET_ZOOM_OAUTH_URL", "https://zoomgov.com");
        env.put("SIGNET_ZOOM_API_URL", "https://api.zoomgov.com/v2");
        env.put("SIGNET_BROKER_ZAK_USERS", " a@example.com , b@example.com ");
        env.put("SIGNET_BROKER_SECRETS", "first-secret-1234567,second-secret-123456");
        env.put("SIGNET_BROKER_WEBHOOK_SECRET", Fixture.WHSEC);
        env.put("SIGNET_BROKER_SECRET_PARAM", "key");
        env.put("SIGNET_BROKER_ZAK_TTL", "3600");
        env.put("SIGNET_BROKER_ZAK_REUSE", "0");
        env.put("SIGNET_BROKER_ZAK_MIN_REMAINING", "600");
        env.put("SIGNET_BROKER_POOL", "round-robin");
        env.put("SIGNET_BROKER_USER_COOLDOWN", "60");
        env.put("SIGNET_BROKER_ZOOM_TIMEOUT_MS", "2500");

        BrokerConfig config = BrokerConfig.fromEnvironment(env);

        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.port()).isZero();
        assertThat(config.zoomEndpoints().apiBase()).hasToString("https://api.zoomgov.com/v2");
        assertThat(config.zakUsers()).containsExactly("a@example.com", "b@example.com");
        assertThat(config.querySecrets()).hasSize(2);
        assertThat(config.webhookSecret()).isNotNull();
        assertThat(config.secretParam()).isEqualTo("key");
        assertThat(config.zakTtl()).isEqualTo(Duration.ofHours(1));
        assertThat(config.zakReuse()).isZero();
        assertThat(config.pool()).isEqualTo(BrokerConfig.Pool.ROUND_ROBIN);
        assertThat(config.userCooldown()).isEqualTo(Duration.ofMinutes(1));
        assertThat(config.zoomTimeout()).isEqualTo(Duration.ofMillis(2500));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "SIGNET_ZOOM_ACCOUNT_ID",
                "SIGNET_ZOOM_CLIENT_ID",
                "SIGNET_ZOOM_CLIENT_SECRET",
                "SIGNET_BROKER_ZAK_USERS"
            })
    void fromEnvironment_missingRequiredSetting_namesIt(String name) {
        Map<String, String> env = minimal();
        env.remove(name);

        assertThatThrownBy(() -> BrokerConfig.fromEnvironment(env))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(name)
                .hasMessageNotContaining("\n");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "SIGNET_BROKER_PORT|eighty|SIGNET_BROKER_PORT",
                "SIGNET_BROKER_PORT|70000|SIGNET_BROKER_PORT",
                "SIGNET_ZOOM_OAUTH_URL|ftp://zoom.us|SIGNET_ZOOM_OAUTH_URL",
                "SIGNET_ZOOM_API_URL|not a url|SIGNET_ZOOM_API_URL",
                "SIGNET_BROKER_ZAK_USERS|a@example.com,,b@example.com|SIGNET_BROKER_ZAK_USERS",
                "SIGNET_BROKER_ZAK_USERS|../../admin|SIGNET_BROKER_ZAK_USERS",
                "SIGNET_BROKER_ZAK_USERS|a@example.com,A@example.com|SIGNET_BROKER_ZAK_USERS",
                "SIGNET_BROKER_SECRETS|short|SIGNET_BROKER_SECRETS",
                "SIGNET_BROKER_WEBHOOK_SECRET|not-a-whsec-secret|SIGNET_BROKER_WEBHOOK_SECRET",
                "SIGNET_BROKER_SECRET_PARAM|to ken|SIGNET_BROKER_SECRET_PARAM",
                "SIGNET_BROKER_SECRET_PARAM|user|SIGNET_BROKER_SECRET_PARAM",
                "SIGNET_BROKER_ZAK_TTL|2 hours|SIGNET_BROKER_ZAK_TTL",
                "SIGNET_BROKER_ZAK_TTL|30s|SIGNET_BROKER_ZAK_TTL",
                "SIGNET_BROKER_ZAK_TTL|99999999|SIGNET_BROKER_ZAK_TTL",
                "SIGNET_BROKER_ZAK_REUSE|-5|SIGNET_BROKER_ZAK_REUSE",
                "SIGNET_BROKER_ZAK_REUSE|6000|SIGNET_BROKER_ZAK_REUSE",
                "SIGNET_BROKER_ZAK_MIN_REMAINING|7200|SIGNET_BROKER_ZAK_MIN_REMAINING",
                "SIGNET_BROKER_POOL|random|SIGNET_BROKER_POOL",
                "SIGNET_BROKER_ZOOM_TIMEOUT_MS|0|SIGNET_BROKER_ZOOM_TIMEOUT_MS"
            })
    void fromEnvironment_malformedSetting_namesItInOneLine(String name, String value, String named) {
        assertThatThrownBy(() -> BrokerConfig.fromEnvironment(with(name, value)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(named)
                .hasMessageNotContaining("\n");
    }

    @Test
    void durations_takeUnits_andABareNumberKeepsItsOldUnit() {
        Map<String, String> env = minimal();
        env.put("SIGNET_BROKER_ZAK_TTL", "2h");
        env.put("SIGNET_BROKER_ZAK_REUSE", "90");
        env.put("SIGNET_BROKER_ZAK_MIN_REMAINING", "30m");
        env.put("SIGNET_BROKER_USER_COOLDOWN", "1500ms");
        env.put("SIGNET_BROKER_ZOOM_TIMEOUT_MS", "3s");

        BrokerConfig config = BrokerConfig.fromEnvironment(env);

        assertThat(config.zakTtl()).isEqualTo(Duration.ofHours(2));
        assertThat(config.zakReuse()).isEqualTo(Duration.ofSeconds(90));
        assertThat(config.zakMinRemaining()).isEqualTo(Duration.ofMinutes(30));
        assertThat(config.userCooldown()).isEqualTo(Duration.ofMillis(1500));
        assertThat(config.zoomTimeout()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void readmeTable_isTheDeclaredSettings() throws Exception {
        Path readme = Path.of("README.md");

        assertThat(SettingsTable.mismatch(readme, "broker", BrokerSettings.ZAK)).isEmpty();
        assertThat(SettingsTable.mismatch(readme, "broker-obf", BrokerSettings.OBF))
                .isEmpty();
    }

    @Test
    void everyDeclaredSetting_isListed() throws Exception {
        for (Field field : BrokerSettings.class.getFields()) {
            if (field.get(null) instanceof Setting<?> setting) {
                assertThat(BrokerSettings.ALL).as(field.getName()).contains(setting);
            }
        }
    }

    @Test
    void fromEnvironment_noCallbackSecretAtAll_isRefused() {
        Map<String, String> env = minimal();
        env.remove("SIGNET_BROKER_SECRETS");

        assertThatThrownBy(() -> BrokerConfig.fromEnvironment(env))
                .hasMessageContaining("SIGNET_BROKER_SECRETS or SIGNET_BROKER_WEBHOOK_SECRET");
    }

    @Test
    void fromEnvironment_webhookSecretAlone_isEnough() {
        Map<String, String> env = minimal();
        env.remove("SIGNET_BROKER_SECRETS");
        env.put("SIGNET_BROKER_WEBHOOK_SECRET", Fixture.WHSEC);

        assertThat(BrokerConfig.fromEnvironment(env).querySecrets()).isEmpty();
    }

    @Test
    void errorsAndToString_neverShowASecret() {
        Map<String, String> env = with("SIGNET_BROKER_SECRETS", "good-secret-abcdefgh,tiny");
        assertThatThrownBy(() -> BrokerConfig.fromEnvironment(env))
                .hasMessageNotContaining("tiny")
                .hasMessageNotContaining("good-secret-abcdefgh");
        assertThatThrownBy(() -> BrokerConfig.fromEnvironment(with("SIGNET_BROKER_WEBHOOK_SECRET", "whsec_!!!bad")))
                .hasMessageNotContaining("!!!bad");

        Map<String, String> full = with("SIGNET_BROKER_WEBHOOK_SECRET", Fixture.WHSEC);
        String shown = BrokerConfig.fromEnvironment(full).toString();
        assertThat(shown)
                .doesNotContain("client-secret-value")
                .doesNotContain("a-long-enough-query-secret")
                .doesNotContain(Fixture.WHSEC.substring(6));
    }
}
