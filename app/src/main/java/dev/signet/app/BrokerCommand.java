package dev.signet.app;

import dev.signet.broker.Broker;
import dev.signet.broker.BrokerConfig;
import dev.signet.broker.BrokerSettings;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code signet broker}: runs the token broker behind {@code zak_url}; its flags are {@link BrokerSettings}. */
@Command(
        name = "broker",
        mixinStandardHelpOptions = true,
        modelTransformer = BrokerCommand.Flags.class,
        description = {
            "Runs the token broker: GET /zoom/zak answers a Zoom ZAK as text/plain for a bot's zak_url;"
                    + " with a Zoom General app (--oauth-*), GET /zoom/obf answers OBF tokens of connected users.",
            "Each option can be given as the SIGNET_* environment variable named in its description (a flag wins);"
                    + " prefer the environment for secrets. Durations take a unit: 500ms, 30s, 5m, 2h, 7d."
        },
        sortOptions = false)
public final class BrokerCommand implements Callable<Integer> {
    @CommandLine.Spec
    @SuppressWarnings("NullAway.Init")
    private CommandLine.Model.CommandSpec spec;

    /** Adds one flag per broker setting. */
    public static final class Flags implements CommandLine.IModelTransformer {
        @Override
        public CommandLine.Model.CommandSpec transform(CommandLine.Model.CommandSpec spec) {
            return SettingOptions.add(spec, BrokerSettings.ALL);
        }
    }

    /** The broker's settings: the environment, overridden by the flags given. */
    Map<String, String> settings(Map<String, String> environment) {
        return SettingOptions.settings(spec, BrokerSettings.ALL, environment);
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        return Foreground.run(
                "broker",
                out,
                spec.commandLine().getErr(),
                () -> {
                    BrokerConfig config = BrokerConfig.fromEnvironment(settings(System.getenv()));
                    return () -> Broker.start(config);
                },
                broker ->
                        out.println("signet broker: listening on " + broker.uri() + " (GET /zoom/zak, GET /zoom/obf)"));
    }
}
