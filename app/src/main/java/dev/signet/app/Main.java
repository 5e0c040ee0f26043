package dev.signet.app;

import dev.signet.app.demo.DemoCommand;
import java.util.Objects;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code signet} executable: one jar, one subcommand per deployable. */
@Command(
        name = "signet",
        mixinStandardHelpOptions = true,
        version = "signet 0.1.0",
        description = "Signed-in Zoom meeting bots: token broker, bot platform and a local Zoom emulator.",
        subcommands = {DemoCommand.class, PlatformCommand.class, BrokerCommand.class, EmulatorCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    @SuppressWarnings("NullAway.Init")
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * The command line with Signet's error handling: a bad setting or a failed start-up prints one line naming the
     * problem (no stack trace, unless {@code SIGNET_DEBUG} is set) and exits with status 2.
     */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Main());
        Objects.requireNonNull(commandLine.getSubcommands().get("platform")).addSubcommand(new ResealCommand());
        commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            cmd.getErr().println("signet " + cmd.getCommandName() + ": " + oneLine(e));
            if (System.getenv("SIGNET_DEBUG") != null) {
                e.printStackTrace(cmd.getErr());
            }
            cmd.getErr().flush();
            return 2;
        });
        return commandLine;
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            message = e.getClass().getSimpleName();
        }
        return message.replace('\n', ' ');
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
