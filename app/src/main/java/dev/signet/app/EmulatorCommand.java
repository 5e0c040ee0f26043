package dev.signet.app;

import dev.signet.emulator.EmulatorConfig;
import dev.signet.emulator.EmulatorServer;
import dev.signet.emulator.seed.Seed;
import dev.signet.emulator.seed.SeedReport;
import dev.signet.secrets.settings.Durations;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
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

    @Option(
            names = "--disconnect-grace",
            paramLabel = "DURATION",
            description = "How long a participant whose event stream's client went away may take to reconnect before"
                    + " it leaves the meeting (as Zoom drops a lost connection), e.g. 20s or 500ms (a bare number is"
                    + " seconds), default 20.")
    private String disconnectGrace = "20";

    @Option(
            names = "--ping-interval",
            paramLabel = "DURATION",
            description = "How often an idle event stream sends a keep-alive comment (a gone client is noticed at the"
                    + " next write), e.g. 15s (a bare number is seconds), default 15.")
    private String pingInterval = "15";

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        return Foreground.run(
                "emulator",
                out,
                spec.commandLine().getErr(),
                () -> {
                    Duration grace = seconds("--disconnect-grace", disconnectGrace, false);
                    Duration ping = seconds("--ping-interval", pingInterval, true);
                    return () -> {
                        Seed data = seed == null ? Seed.demo() : Seed.load(seed);
                        return EmulatorServer.start(EmulatorConfig.of(data, Clock.systemUTC())
                                .withHost(host)
                                .withPort(port)
                                .withWebBase(webBase)
                                .withPingInterval(ping)
                                .withDisconnectGrace(grace));
                    };
                },
                emulator -> {
                    SeedReport.lines(emulator.seed(), emulator.baseUrl()).forEach(out::println);
                    out.println();
                    out.println(String.format(
                            Locale.ROOT,
                            "Event streams: a ping every %s; a participant whose client went away leaves after %s",
                            shown(pingInterval),
                            shown(disconnectGrace)));
                });
    }

    /** A flag's duration as the banner shows it: {@code 15 s}, {@code 500ms}. */
    private static String shown(String text) {
        return text.strip().matches("[0-9.]+") ? text.strip() + " s" : text.strip();
    }

    /**
     * {@code text} as a duration: the settings' syntax ({@code 500ms}, {@code 20s}, {@code 2m}) or decimal seconds
     * ({@code 20}, {@code 0.5}); names {@code flag} if bad.
     */
    static Duration seconds(String flag, String text, boolean positive) {
        BigDecimal value;
        try {
            value = new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            try {
                value = BigDecimal.valueOf(Durations.parse(text, null).toNanos(), 9);
            } catch (IllegalArgumentException | ArithmeticException notDuration) {
                throw new IllegalArgumentException(flag + " must be a duration (20s, 500ms) or seconds: " + text, e);
            }
        }
        if (value.signum() < 0
                || (positive && value.signum() == 0)
                || value.compareTo(BigDecimal.valueOf(86_400)) > 0) {
            throw new IllegalArgumentException(flag + " must be " + (positive ? "more than 0" : "0 or more")
                    + " and at most 86400 seconds: " + text);
        }
        return Duration.ofNanos(value.movePointRight(9).longValue());
    }
}
