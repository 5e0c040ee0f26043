package dev.signet.platform.driver.websdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.signet.secrets.settings.Setting;
import dev.signet.secrets.settings.SettingsTable;
import java.lang.reflect.Field;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebSdkConfigTest {
    @Test
    void empty_meansZoomsCdnForTheDefaultVersion_debianBinaries_andA40sWatchdog() {
        WebSdkSettings settings = WebSdkConfig.fromEnvironment(Map.of());

        assertThat(settings.sdk()).isEqualTo(new SdkSource.ZoomCdn("6.2.0"));
        assertThat(settings.chromium()).isEqualTo(Path.of("/usr/bin/chromium"));
        assertThat(settings.chromedriver()).isEqualTo(Path.of("/usr/bin/chromedriver"));
        assertThat(settings.joinWatchdog()).isEqualTo(Duration.ofSeconds(40));
        assertThat(settings.crossOriginIsolation()).isFalse();
        assertThat(settings.extraArgs()).isEmpty();
    }

    @Test
    void everyVariable_isRead() {
        WebSdkSettings settings = WebSdkConfig.fromEnvironment(Map.of(
                "SIGNET_WEBSDK_VERSION", "6.1.0",
                "SIGNET_WEBSDK_BASE_URL", "http://127.0.0.1:9000/sdk/6.1.0/",
                "SIGNET_WEBSDK_CROSS_ORIGIN_ISOLATION", "true",
                "SIGNET_WEBSDK_JOIN_TIMEOUT", "1500ms",
                "SIGNET_WEBSDK_SDK_LOAD_TIMEOUT", "2m",
                "SIGNET_CHROMIUM", "/opt/chromium",
                "SIGNET_CHROMEDRIVER", "/opt/chromedriver",
                "SIGNET_WEBSDK_CHROMIUM_ARGS", WebSdkSettings.LOOPBACK_ONLY + " | --lang=en-US",
                "SIGNET_WEBSDK_PROFILES", "/var/tmp/signet"));

        assertThat(settings.sdk())
                .isEqualTo(new SdkSource.BaseUrl(URI.create("http://127.0.0.1:9000/sdk/6.1.0/"), "6.1.0"));
        assertThat(settings.crossOriginIsolation()).isTrue();
        assertThat(settings.joinWatchdog()).isEqualTo(Duration.ofMillis(1500));
        assertThat(settings.sdkLoadTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(settings.chromium()).isEqualTo(Path.of("/opt/chromium"));
        assertThat(settings.chromedriver()).isEqualTo(Path.of("/opt/chromedriver"));
        assertThat(settings.extraArgs()).isEqualTo(List.of(WebSdkSettings.LOOPBACK_ONLY, "--lang=en-US"));
        assertThat(settings.profiles()).isEqualTo(Path.of("/var/tmp/signet"));
    }

    @Test
    void assets_mustHoldTheClientView(@TempDir Path dist) throws Exception {
        assertThatThrownBy(() -> WebSdkConfig.fromEnvironment(Map.of("SIGNET_WEBSDK_ASSETS", dist.toString())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("SIGNET_WEBSDK_ASSETS");

        Files.writeString(dist.resolve("zoom-meeting-6.2.0.min.js"), "", StandardCharsets.UTF_8);
        assertThat(WebSdkConfig.fromEnvironment(Map.of("SIGNET_WEBSDK_ASSETS", dist.toString()))
                        .sdk())
                .isEqualTo(new SdkSource.LocalAssets(dist, "6.2.0"));
    }

    @Test
    void badValues_areRefusedNamingTheVariable() {
        assertThatThrownBy(() -> WebSdkConfig.fromEnvironment(
                        Map.of("SIGNET_WEBSDK_BASE_URL", "http://x/", "SIGNET_WEBSDK_ASSETS", "/tmp")))
                .hasMessageContaining("SIGNET_WEBSDK_BASE_URL and SIGNET_WEBSDK_ASSETS");
        assertThatThrownBy(() -> WebSdkConfig.fromEnvironment(Map.of("SIGNET_WEBSDK_BASE_URL", "ftp://x/")))
                .hasMessageStartingWith("SIGNET_WEBSDK_");
        assertThatThrownBy(() -> WebSdkConfig.fromEnvironment(Map.of("SIGNET_WEBSDK_JOIN_TIMEOUT", "soon")))
                .hasMessageStartingWith("SIGNET_WEBSDK_JOIN_TIMEOUT");
        assertThatThrownBy(() -> WebSdkConfig.fromEnvironment(Map.of("SIGNET_WEBSDK_JOIN_TIMEOUT", "0s")))
                .hasMessageStartingWith("SIGNET_WEBSDK_JOIN_TIMEOUT");
        assertThatThrownBy(() -> WebSdkConfig.fromEnvironment(Map.of("SIGNET_WEBSDK_CROSS_ORIGIN_ISOLATION", "maybe")))
                .hasMessageStartingWith("SIGNET_WEBSDK_CROSS_ORIGIN_ISOLATION");
        assertThatThrownBy(() -> WebSdkConfig.fromEnvironment(Map.of("SIGNET_WEBSDK_VERSION", "../../x")))
                .hasMessageStartingWith("SIGNET_WEBSDK_");
    }

    @Test
    void realZoomDocsTable_isTheDeclaredSettings() throws Exception {
        for (Field field : WebSdkConfig.class.getFields()) {
            if (field.get(null) instanceof Setting<?> setting) {
                assertThat(WebSdkConfig.SETTINGS).as(field.getName()).contains(setting);
            }
        }
        assertThat(SettingsTable.mismatch(Path.of("../docs/real-zoom.md"), "websdk", WebSdkConfig.SETTINGS))
                .isEmpty();
    }

    @Test
    void missingBinaries_namesThemAndHowToInstall() {
        WebSdkSettings settings = WebSdkConfig.fromEnvironment(
                Map.of("SIGNET_CHROMIUM", "/nonexistent/chromium", "SIGNET_CHROMEDRIVER", "/nonexistent/driver"));

        assertThat(WebSdkConfig.missingBinaries(settings))
                .contains("/nonexistent/chromium", "/nonexistent/driver", "apt-get install chromium chromium-driver");
    }
}
