package dev.signet.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.signet.platform.driver.websdk.WebSdkConfig;
import dev.signet.platform.runtime.RuntimeSettings;
import dev.signet.platform.webhook.WebhookSettings;
import dev.signet.secrets.settings.Setting;
import dev.signet.secrets.settings.SettingsTable;
import java.lang.reflect.Field;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlatformConfigTest {
    static Map<String, String> minimal() {
        Map<String, String> env = new HashMap<>();
        env.put("SIGNET_API_KEYS", "key-one, key-two");
        env.put("SIGNET_ZOOM_SDK_KEY", "sdk-key");
        env.put("SIGNET_ZOOM_SDK_SECRET", "sdk-secret");
        env.put("SIGNET_EMULATOR_URL", "http://127.0.0.1:9000");
        env.put("SIGNET_DATA_DIR", "/tmp/signet-config-test");
        return env;
    }

    @Test
    void fromEnvironment_minimal_usesDefaults() {
        PlatformConfig config = PlatformConfig.fromEnvironment(minimal());

        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.host()).isEqualTo("0.0.0.0");
        assertThat(config.apiKeys()).hasSize(2);
        assertThat(config.databaseUrl()).startsWith("jdbc:h2:async:/tmp/signet-config-test/signet;");
        assertThat(config.dataDir()).isEqualTo(Path.of("/tmp/signet-config-test"));
        assertThat(config.driver()).isEqualTo(PlatformConfig.Driver.EMULATOR);
        assertThat(config.webhookUrls()).isEmpty();
        assertThat(config.webhookBackoff()).isEqualTo(PlatformConfig.DEFAULT_BACKOFF);
        assertThat(config.webhookTimeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(config.allowLoopbackTokenUrls()).isFalse();
        assertThat(config.encryptionKey()).isNull();
    }

    @Test
    void fromEnvironment_everything_isRead() {
        Map<String, String> env = minimal();
        env.put("SIGNET_PLATFORM_PORT", "0");
        env.put("SIGNET_DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
        env.put("SIGNET_ENCRYPTION_KEY", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
        env.put("SIGNET_WEBHOOK_URLS", "https://a.example.com/hook, http://127.0.0.1:9/h");
        env.put("SIGNET_WEBHOOK_SECRET", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        env.put("SIGNET_WEBHOOK_BACKOFF", "50ms,2s,5m,1h");
        env.put("SIGNET_WEBHOOK_TIMEOUT", "3s");
        env.put("SIGNET_ALLOW_LOOPBACK_TOKEN_URLS", "true");

        PlatformConfig config = PlatformConfig.fromEnvironment(env);

        assertThat(config.port()).isZero();
        assertThat(config.webhookUrls())
                .containsExactly(URI.create("https://a.example.com/hook"), URI.create("http://127.0.0.1:9/h"));
        assertThat(config.webhookBackoff())
                .containsExactly(
                        Duration.ofMillis(50), Duration.ofSeconds(2), Duration.ofMinutes(5), Duration.ofHours(1));
        assertThat(config.webhookTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(config.allowLoopbackTokenUrls()).isTrue();
        assertThat(config.toString())
                .doesNotContain("key-one")
                .doesNotContain("whsec_")
                .doesNotContain("MDEy");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "SIGNET_API_KEYS | '' | SIGNET_API_KEYS",
                "SIGNET_PLATFORM_PORT | eighty | SIGNET_PLATFORM_PORT",
                "SIGNET_PLATFORM_PORT | 70000 | SIGNET_PLATFORM_PORT",
                "SIGNET_DATABASE_URL | postgres://db/x | SIGNET_DATABASE_URL",
                "SIGNET_WEBHOOK_URLS | https://a.example.com/h | SIGNET_WEBHOOK_SECRET",
                "SIGNET_WEBHOOK_URLS | ftp://a.example.com/h | SIGNET_WEBHOOK_URLS",
                "SIGNET_WEBHOOK_SECRET | whsec_!!! | SIGNET_WEBHOOK_SECRET",
                "SIGNET_WEBHOOK_BACKOFF | 5 parsecs | SIGNET_WEBHOOK_BACKOFF",
                "SIGNET_DRIVER | zoom-native | SIGNET_DRIVER",
                "SIGNET_EMULATOR_URL | '' | SIGNET_EMULATOR_URL",
                "SIGNET_ALLOW_LOOPBACK_TOKEN_URLS | maybe | SIGNET_ALLOW_LOOPBACK_TOKEN_URLS",
                "SIGNET_ZOOM_SDK_SECRET | '' | SIGNET_ZOOM_SDK_SECRET",
                "SIGNET_ENCRYPTION_KEY | c2hvcnQ= | SIGNET_ENCRYPTION_KEY",
                "SIGNET_OBF_RETRY_INTERVAL | 50ms | SIGNET_OBF_RETRY_INTERVAL",
                "SIGNET_API_KEYS | 'a,,b' | SIGNET_API_KEYS",
                "SIGNET_DATABASE_WRITERS | 0 | SIGNET_DATABASE_WRITERS",
                "SIGNET_DATABASE_WRITERS | 11 | SIGNET_DATABASE_POOL_SIZE (20)", // more than half the default pool
            })
    void fromEnvironment_badValue_failsWithOneLineNamingTheVariable(String name, String value, String named) {
        Map<String, String> env = minimal();
        env.put(name, value);

        assertThatThrownBy(() -> PlatformConfig.fromEnvironment(env))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(named)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void durations_takeUnits_andABareNumberIsSeconds() {
        Map<String, String> env = minimal();
        env.put("SIGNET_WEBHOOK_TIMEOUT", "20");
        env.put("SIGNET_WEBHOOK_BACKOFF", "1,500ms,2h");
        env.put("SIGNET_OBF_RETRY_INTERVAL", "1500ms");

        PlatformConfig config = PlatformConfig.fromEnvironment(env);

        assertThat(config.webhookTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(config.webhookBackoff())
                .containsExactly(Duration.ofSeconds(1), Duration.ofMillis(500), Duration.ofHours(2));
        assertThat(config.obfRetryInterval()).isEqualTo(Duration.ofMillis(1500));
        assertThat(config.get(PlatformSettings.OBF_RETRY_INTERVAL)).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void defaults_areTheFeaturesOwn() {
        PlatformConfig config = PlatformConfig.fromEnvironment(minimal());

        assertThat(config.webhookBackoff()).isEqualTo(WebhookSettings.DEFAULT_BACKOFF);
        assertThat(config.webhookTimeout()).isEqualTo(WebhookSettings.DEFAULT_TIMEOUT);
        assertThat(config.obfRetryInterval()).isEqualTo(RuntimeSettings.DEFAULT_OBF_RETRY_INTERVAL);
    }

    @Test
    void readmeTable_isTheDeclaredSettings() throws Exception {
        assertThat(SettingsTable.mismatch(Path.of("README.md"), "platform", PlatformSettings.CORE))
                .isEmpty();
    }

    @Test
    void everyDeclaredSetting_isListed() throws Exception {
        for (Field field : PlatformSettings.class.getFields()) {
            if (field.get(null) instanceof Setting<?> setting) {
                assertThat(PlatformSettings.CORE).as(field.getName()).contains(setting);
            }
        }
        assertThat(PlatformSettings.ALL).containsAll(WebSdkConfig.SETTINGS);
    }

    @Test
    void fromEnvironment_postgresWithoutEncryptionKey_isRefused() {
        Map<String, String> env = minimal();
        env.put("SIGNET_DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/test");

        assertThatThrownBy(() -> PlatformConfig.fromEnvironment(env)).hasMessageContaining("SIGNET_ENCRYPTION_KEY");
    }

    @Test
    void embeddedUrl_writesEachCommitAtOnce_andPlansEachStatementOnItsData() {
        assertThat(PlatformConfig.embeddedUrl(Path.of("/data")))
                .contains("WRITE_DELAY=0", "QUERY_CACHE_SIZE=0", "CACHE_SIZE=65536");
        assertThat(PlatformConfig.usesEmbeddedDatabase("jdbc:h2:mem:x")).isTrue();
        assertThat(PlatformConfig.usesEmbeddedDatabase("jdbc:postgresql://x/y")).isFalse();
        assertThat(List.of(PlatformConfig.Driver.values())).hasSize(2);
    }
}
