package dev.signet.secrets.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.signet.secrets.Secret;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettingValuesTest {
    static final Setting<Integer> PORT =
            Setting.of("SIGNET_X_PORT", "--port", SettingType.integer("PORT", 0, 65_535), "8080", "port");
    static final Setting<Secret> KEY = Setting.required("SIGNET_X_KEY", "--key", SettingType.secret("KEY"), "the key");
    static final Setting<Duration> WAIT =
            Setting.of("SIGNET_X_WAIT", "--wait", SettingType.duration(ChronoUnit.SECONDS), "5m", "how long");
    static final Setting<List<URI>> HOOKS =
            Setting.optional("SIGNET_X_HOOKS", "--hooks", SettingType.urls(), "receivers, separated by `|`");
    static final List<Setting<?>> ALL = List.of(PORT, KEY, WAIT, HOOKS);

    @Test
    void unsetSettings_takeTheirDefaults_givenOnesWin() {
        SettingValues values = SettingValues.read(ALL, Map.of("SIGNET_X_KEY", " k ", "SIGNET_X_PORT", "0"));

        assertThat(values.get(PORT)).isZero();
        assertThat(values.get(KEY)).isEqualTo(Secret.of("k"));
        assertThat(values.get(WAIT)).isEqualTo(Duration.ofMinutes(5));
        assertThat(values.find(HOOKS)).isEmpty();
        assertThat(values.isSet(PORT)).isTrue();
        assertThat(values.isSet(WAIT)).isFalse();
        assertThatThrownBy(() -> values.get(HOOKS)).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest
    @CsvSource({"500ms, PT0.5S", "30s, PT30S", "5m, PT5M", "2h, PT2H", "7d, PT168H", "90, PT1M30S", " 2H , PT2H"})
    void durations_takeAUnit_andABareNumberCountsTheSettingsOwnUnit(String text, String expected) {
        assertThat(Durations.parse(text, ChronoUnit.SECONDS)).isEqualTo(Duration.parse(expected));
        assertThat(Durations.parse("1500", ChronoUnit.MILLIS)).isEqualTo(Duration.ofMillis(1500));
        assertThat(Durations.parse("30", ChronoUnit.DAYS)).isEqualTo(Duration.ofDays(30));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "SIGNET_X_PORT|eighty",
                "SIGNET_X_PORT|70000",
                "SIGNET_X_WAIT|-5",
                "SIGNET_X_WAIT|5 parsecs",
                "SIGNET_X_WAIT|1.5s",
                "SIGNET_X_HOOKS|https://a.example/h,,https://b.example/h",
                "SIGNET_X_HOOKS|ftp://a.example/h"
            })
    void badValues_failWithOneLineNamingTheVariable_neverTheValue(String name, String value) {
        assertThatThrownBy(() -> SettingValues.read(ALL, Map.of("SIGNET_X_KEY", "k", name, value)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(name + " must ")
                .hasMessageNotContaining(value)
                .hasMessageNotContaining("\n")
                .hasNoCause();
    }

    @Test
    void aMissingRequiredSetting_isNamed() {
        assertThatThrownBy(() -> SettingValues.read(ALL, Map.of("SIGNET_X_KEY", "  ")))
                .hasMessage("SIGNET_X_KEY is required but not set (the key)");
    }

    @Test
    void declarations_areCheckedWhenMade() {
        assertThatThrownBy(() -> Setting.of("SIGNET_Y", "--y", SettingType.duration(ChronoUnit.SECONDS), "soon", "y"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Setting.optional("PATH", "--path", SettingType.text("P"), "p"))
                .hasMessageContaining("SIGNET_");
        assertThatThrownBy(() -> Setting.optional("SIGNET_Y", "-y", SettingType.text("Y"), "y"))
                .hasMessageContaining("--name");
        assertThatThrownBy(() -> Setting.optional("SIGNET_Y", "--y", SettingType.text("Y"), "two\nlines"))
                .hasMessageContaining("one line");
    }

    @Test
    void helpAndTable_comeFromTheDeclaration() {
        assertThat(PORT.help()).isEqualTo("port. Env SIGNET_X_PORT, default 8080.");
        assertThat(KEY.help()).isEqualTo("the key. Env SIGNET_X_KEY (required).");
        assertThat(HOOKS.help()).isEqualTo("receivers, separated by |. Env SIGNET_X_HOOKS.");
        assertThat(SettingsTable.render(List.of(PORT, HOOKS))).isEqualTo("""
                        | variable | flag | default | meaning |
                        |---|---|---|---|
                        | `SIGNET_X_PORT` | `--port` | `8080` | port |
                        | `SIGNET_X_HOOKS` | `--hooks` | — | receivers, separated by `\\|` |
                        """);
    }

    @Test
    void aStaleReadmeTable_isReported(@TempDir Path dir) throws Exception {
        Path readme = dir.resolve("README.md");
        Files.writeString(readme, "intro\n<!-- settings:x -->\n| a |\n<!-- /settings:x -->\nmore");

        assertThat(SettingsTable.mismatch(readme, "x", List.of(PORT)))
                .hasValueSatisfying(m -> assertThat(m).contains("-Dsignet.updateDocs=true", "| `SIGNET_X_PORT` |"));
        assertThat(SettingsTable.mismatch(readme, "y", List.of(PORT)))
                .hasValueSatisfying(m -> assertThat(m).contains("no <!-- settings:y -->"));
        Files.writeString(
                readme, "<!-- settings:x -->\n" + SettingsTable.render(List.of(PORT)) + "<!-- /settings:x -->");
        assertThat(SettingsTable.mismatch(readme, "x", List.of(PORT))).isEmpty();
    }
}
