package dev.signet.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.broker.BrokerSettings;
import dev.signet.platform.PlatformSettings;
import dev.signet.secrets.settings.Setting;
import dev.signet.secrets.settings.SettingType;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code signet broker} and {@code signet platform} take their flags and help from the declared settings. */
class SettingsCommandTest {
    private static String help(String command) {
        CommandLine signet = Main.commandLine();
        StringWriter out = new StringWriter();
        signet.setOut(new PrintWriter(out));
        assertThat(signet.execute(command, "--help")).isZero();
        return out.toString();
    }

    private static void assertListsEvery(String help, List<Setting<?>> settings) {
        for (Setting<?> setting : settings) {
            assertThat(help).contains(setting.flag() + "=" + setting.type().label(), setting.env());
        }
    }

    @Test
    void help_listsEveryDeclaredSetting() {
        assertListsEvery(help("broker"), BrokerSettings.ALL);
        assertListsEvery(help("platform"), PlatformSettings.ALL);
        assertThat(help("broker")).contains("default 2h", "(required)");
    }

    @Test
    void aPercentSignInADoc_isShownAsWritten() {
        CommandLine.Model.CommandSpec spec = CommandLine.Model.CommandSpec.create();
        SettingOptions.add(
                spec,
                List.of(Setting.of(
                        "SIGNET_X_SHARE", "--share", SettingType.integer("PCT", 0, 100), "50", "share of bots, in %")));
        StringWriter out = new StringWriter();
        new CommandLine(spec).usage(new PrintWriter(out));

        assertThat(out.toString().replaceAll("\\s+", " "))
                .contains("share of bots, in %. Env SIGNET_X_SHARE, default 50.");
    }

    @Test
    void flagsGiven_overrideTheirVariables_othersStay() {
        CommandLine signet = Main.commandLine();
        CommandLine.ParseResult parsed = signet.parseArgs("broker", "--zak-ttl", "2h", "--port=0");
        BrokerCommand broker = parsed.subcommand().commandSpec().commandLine().getCommand();

        Map<String, String> settings = broker.settings(
                Map.of("SIGNET_BROKER_PORT", "9000", "SIGNET_BROKER_POOL", "round-robin", "HOME", "/root"));

        assertThat(settings)
                .containsEntry("SIGNET_BROKER_ZAK_TTL", "2h")
                .containsEntry("SIGNET_BROKER_PORT", "0")
                .containsEntry("SIGNET_BROKER_POOL", "round-robin")
                .containsEntry("HOME", "/root")
                .doesNotContainKey("SIGNET_BROKER_HOST");
    }

    @Test
    void platformFlags_coverTheWebSdkDriver() {
        CommandLine signet = Main.commandLine();
        CommandLine.ParseResult parsed =
                signet.parseArgs("platform", "--data", "/tmp/x", "--websdk-join-timeout", "1m", "--webhook-timeout=3s");
        PlatformCommand platform =
                parsed.subcommand().commandSpec().commandLine().getCommand();

        assertThat(platform.settings(Map.of()))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "SIGNET_DATA_DIR", "/tmp/x",
                        "SIGNET_WEBSDK_JOIN_TIMEOUT", "1m",
                        "SIGNET_WEBHOOK_TIMEOUT", "3s"));
    }
}
