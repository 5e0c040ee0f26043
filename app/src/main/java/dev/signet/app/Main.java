package dev.signet.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code signet} executable: one jar, one subcommand per deployable. */
@Command(
        name = "signet",
        mixinStandardHelpOptions = true,
        version = "signet 0.1.0",
        description = "Signed-in Zoom meeting bots: token broker, bot platform and a local Zoom emulator.",
        subcommands = {BrokerCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    @SuppressWarnings("NullAway.Init")
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
