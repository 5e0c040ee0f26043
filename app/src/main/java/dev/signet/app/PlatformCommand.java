package dev.signet.app;

import dev.signet.platform.Platform;
import dev.signet.platform.PlatformConfig;
import dev.signet.platform.PlatformSettings;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code signet platform}: runs the bot platform (bot API, runtime, webhooks); its flags are {@link PlatformSettings}. */
@Command(
        name = "platform",
        mixinStandardHelpOptions = true,
        modelTransformer = PlatformCommand.Flags.class,
        description = {
            "Runs the bot platform: the Recall-compatible bot API under /api/v1/, the bot runtime and webhooks.",
            "Each option can be given as the SIGNET_* environment variable named in its description (a flag wins);"
                    + " prefer the environment for secrets. Durations take a unit: 500ms, 30s, 5m, 2h, 7d."
        },
        sortOptions = false)
public final class PlatformCommand implements Callable<Integer> {
    @CommandLine.Spec
    @SuppressWarnings("NullAway.Init")
    private CommandLine.Model.CommandSpec spec;

    /** Adds one flag per platform setting. */
    public static final class Flags implements CommandLine.IModelTransformer {
        @Override
        public CommandLine.Model.CommandSpec transform(CommandLine.Model.CommandSpec spec) {
            return SettingOptions.add(spec, PlatformSettings.ALL);
        }
    }

    /** The platform's settings: the environment, overridden by the flags given. */
    Map<String, String> settings(Map<String, String> environment) {
        return SettingOptions.settings(spec, PlatformSettings.ALL, environment);
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        // SIGTERM closes the platform: it stops taking requests, bots leave their calls, webhooks stop, the
        // database closes.
        return Foreground.run(
                "platform",
                out,
                spec.commandLine().getErr(),
                () -> {
                    PlatformConfig config = PlatformConfig.fromEnvironment(settings(System.getenv()));
                    return () -> Platform.start(config, Clock.systemUTC());
                },
                platform -> out.println("signet platform: listening on " + platform.baseUrl() + " (API /api/v1/)"));
    }
}
