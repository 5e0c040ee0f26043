package dev.signet.app.demo;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.signet.webhooks.WebhookSecret;
import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code signet demo}: the whole story of signed-in bots, offline, on an embedded default. */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Starts a local Zoom (the emulator), the token broker and the bot platform in one process, then sends three"
                    + " bots into meetings that only signed-in users can join:",
            "  1. a bot without zoom.zak_url -> fatal / meeting_requires_sign_in",
            "  2. a bot whose zak_url points at the broker -> joins as the notetaker's Zoom account",
            "  3. a bot with the host's ZAK -> starts a meeting before the host arrives",
            "Nothing leaves this machine. Runs until Ctrl+C unless --exit is given."
        })
public final class DemoCommand implements Callable<Integer> {
    @Option(names = "--exit", description = "End after the scenario instead of running until Ctrl+C.")
    boolean exit;

    @Option(
            names = "--driver",
            defaultValue = "emulator",
            description = "Meeting driver: emulator (default) or websdk (headless Chromium with the stand-in SDK).")
    String driver = "emulator";

    @Option(
            names = "--data",
            description = "Data directory for the platform's database (default: a fresh temporary directory).")
    @Nullable
    Path data;

    @Option(names = "--emulator-port", defaultValue = "0", description = "Emulator port (default: any free port).")
    int emulatorPort;

    @Option(names = "--broker-port", defaultValue = "0", description = "Broker port (default: any free port).")
    int brokerPort;

    @Option(names = "--platform-port", defaultValue = "0", description = "Platform API port (default: any free port).")
    int platformPort;

    @Option(names = "--verbose", description = "Show the deployables' INFO logs alongside the timeline.")
    boolean verbose;

    @CommandLine.Spec
    @SuppressWarnings("NullAway.Init")
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!driver.equals("emulator") && !driver.equals("websdk")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--driver must be emulator or websdk");
        }
        quietLogs(verbose ? Level.INFO : Level.WARN);
        PrintWriter out = spec.commandLine().getOut();
        Clock clock = Clock.systemUTC();
        Timeline timeline = new Timeline(out, clock);
        Instant startedAt = clock.instant();
        ObjectMapper json = new ObjectMapper();
        Path dataDir = data != null ? data : Files.createTempDirectory("signet-demo-");
        WebhookSecret webhookSecret = WebhookSecret.generate(new SecureRandom());

        out.println("Signet demo — signed-in Zoom bots, on a local Zoom (nothing leaves this machine)");
        try (WebhookInbox inbox = WebhookInbox.start(webhookSecret, clock, json, timeline);
                DemoStack stack = DemoStack.start(
                        new DemoStack.Ports(emulatorPort, brokerPort, platformPort),
                        dataDir,
                        driver,
                        webhookSecret,
                        inbox.url(),
                        clock)) {
            timeline.event("emulator, broker and platform started in "
                    + Duration.between(startedAt, clock.instant()).toMillis() + " ms");
            timeline.note("emulator (local Zoom): " + stack.emulator().baseUrl());
            timeline.note("token broker:          " + stack.broker().uri());
            timeline.note("bot platform API:      " + stack.platform().baseUrl() + "/api/v1/bot/");
            timeline.note("dashboard:             " + stack.platform().baseUrl() + "/ (sign in with the API key "
                    + stack.apiKey() + ")");
            timeline.note("platform data:         " + dataDir);
            HttpClient client = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            DemoScenario scenario = new DemoScenario(stack, new JsonHttp(client, json), timeline, clock);
            DemoScenario.Result result = scenario.run();

            timeline.section("Look around");
            timeline.note("meetings, as Zoom shows them:  " + stack.emulator().baseUrl() + "/");
            timeline.note(
                    "meeting with the signed-in bot: " + stack.emulator().baseUrl() + "/meetings/" + result.meeting());
            timeline.note("bot API:  curl -H 'Authorization: Token " + stack.apiKey() + "' "
                    + stack.platform().baseUrl() + "/api/v1/bot/" + result.signedInBot() + "/");
            timeline.note("meeting with the OBF bot:       " + stack.emulator().baseUrl() + "/meetings/"
                    + result.externalMeeting());
            timeline.note("broker connections: curl -H 'Authorization: Bearer " + stack.brokerAdminSecret() + "' "
                    + stack.broker().uri() + "admin/connections");
            timeline.note("Zoom's policy: ZAK joins by bots are sanctioned for meetings of the owner's own Zoom account"
                    + " (zoom.zak_url); meetings of other accounts need OBF tokens (zoom.obf_token_url).");
            CountDownLatch stopAsked = new CountDownLatch(1);
            CountDownLatch stopped = new CountDownLatch(1);
            if (!exit) {
                // Ctrl+C: the hook asks the main thread to leave the calls and stop, and waits (bounded) for it.
                Runtime.getRuntime()
                        .addShutdownHook(new Thread(
                                () -> {
                                    stopAsked.countDown();
                                    awaitQuietly(stopped, Duration.ofSeconds(15));
                                },
                                "signet-demo-stop"));
                timeline.note("Running until Ctrl+C.");
                stopAsked.await();
            }
            try {
                scenario.leaveAll(List.of(result.signedInBot(), result.hostBot()));
                timeline.event("demo finished");
            } finally {
                stopped.countDown();
            }
        }
        return 0;
    }

    private static void awaitQuietly(CountDownLatch latch, Duration timeout) {
        try {
            latch.await(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void quietLogs(Level level) {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(level);
            context.getLogger("dev.signet").setLevel(level);
        }
    }
}
