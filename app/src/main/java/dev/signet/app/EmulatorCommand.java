package dev.signet.app;

import dev.signet.emulator.EmulatorConfig;
import dev.signet.emulator.EmulatorServer;
import dev.signet.emulator.seed.Seed;
import dev.signet.emulator.seed.SeedReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code signet emulator}: runs the local Zoom and prints its base URLs and seeded credentials. */
@Command(
        name = "emulator",
        mixinStandardHelpOptions = true,
        description = {
            "Runs a local Zoom: OAuth, users, tokens, meetings with join rules, the join protocol and admin API.",
            "Prints its base URLs and the seeded credentials (development data) to standard output."
        },
        sortOptions = false)
public final class EmulatorCommand implements Callable<Integer> {
    @CommandLine.Spec
    @SuppressWarnings("NullAway.Init")
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--host", paramLabel = "ADDR", description = "Address to bind, default 127.0.0.1.")
    private String host = "127.0.0.1";

    @Option(names = "--port", paramLabel = "PORT", description = "Port to listen on (0: any free port), default 9090.")
    private int port = 9090;

    @Option(
            names = "--seed",
            paramLabel = "FILE",
            description = "Seed file (JSON, or YAML when it ends .yaml/.yml); default the built-in demo seed.")
    private @Nullable Path seed;

    @Option(
            names = "--web-base",
            paramLabel = "URL",
            description = "Origin of the join and start URLs in meeting answers, default https://zoom.us.")
    private String webBase = "https://zoom.us";

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        return Foreground.run(
                "emulator",
                out,
                spec.commandLine().getErr(),
                () -> () -> {
                    Seed data = seed == null ? Seed.demo() : Seed.load(seed);
                    return EmulatorServer.start(EmulatorConfig.of(data, Clock.systemUTC())
                            .withHost(host)
                            .withPort(port)
                            .withWebBase(webBase));
                },
                emulator ->
                        SeedReport.lines(emulator.seed(), emulator.baseUrl()).forEach(out::println));
    }
}
