package dev.signet.bench.websdk;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import dev.signet.emulator.EmulatorServer;
import dev.signet.emulator.seed.DemoSeed;
import dev.signet.emulator.seed.Seed;
import dev.signet.platform.driver.DriverEvent;
import dev.signet.platform.driver.JoinRequest;
import dev.signet.platform.driver.MeetingSession;
import dev.signet.platform.driver.websdk.SdkSource;
import dev.signet.platform.driver.websdk.WebSdkDriver;
import dev.signet.platform.driver.websdk.WebSdkSettings;
import dev.signet.platform.time.Pause;
import dev.signet.secrets.Secret;
import dev.signet.zoom.sdk.SdkCredentials;
import dev.signet.zoom.sdk.SdkSigner;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * Memory and CPU per browser bot ({@code websdk} driver), and how many one node holds. For each bot count it starts
 * that many bots at once, waits until each is in its meeting, then reads the proportional set size (PSS) of every
 * bot's process tree (chromedriver + Chromium and its children) from {@code /proc/<pid>/smaps_rollup}, and the CPU
 * the trees use while idle in the meeting (the driver polling the page every 200 ms, as in production).
 *
 * <p>Two pages: {@code standin}, the emulator's stand-in SDK in a meeting (what CI runs), and {@code real}, Zoom's
 * real SDK ({@code @zoom/meetingsdk}, self-hosted) loaded and initialised, its {@code join} hanging against a
 * loopback black hole (Zoom is out of reach: in-meeting media decoding is not measured).
 *
 * <p>Run with {@code mvn -q -pl bench org.codehaus.mojo:exec-maven-plugin:3.5.0:java
 * -Dexec.mainClass=dev.signet.bench.websdk.WebSdkBench -Dexec.args="standin:1,4,8 real:1,4"}.
 */
public final class WebSdkBench {
    private static final Path REAL_DIST = Path.of(Optional.ofNullable(System.getenv("SIGNET_WEBSDK_REAL_DIST"))
            .orElse("/tmp/signet-websdk/node_modules/@zoom/meetingsdk/dist"));
    private static final Duration SETTLE = Duration.ofSeconds(5);
    private static final Duration IDLE = Duration.ofSeconds(20);

    private WebSdkBench() {}

    /** One measured round. */
    record Round(String page, int bots, double startSeconds, long pssKib, long rssKib, int processes, double idleCpu) {}

    public static void main(String[] args) throws Exception {
        ((LoggerContext) LoggerFactory.getILoggerFactory())
                .getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
                .setLevel(Level.WARN);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        List<String> plan = args.length == 0 ? List.of("standin:1,4,8", "real:1,4") : List.of(args);
        List<Round> rounds = new ArrayList<>();
        for (String item : plan) {
            List<String> parts = List.of(item.split(":", 2));
            for (String count : parts.get(1).split(",", -1)) {
                @Nullable
                Round round = parts.get(0).equals("real")
                        ? real(Integer.parseInt(count.strip()))
                        : standIn(Integer.parseInt(count.strip()));
                if (round != null) {
                    rounds.add(round);
                    out.println(line(round));
                }
            }
        }
        out.println();
        out.println("| page | bots | start (s, slowest) | PSS per bot (MiB) | RSS per bot (MiB) | processes per bot"
                + " | idle CPU per bot (percent of a core) |");
        out.println("|---|---:|---:|---:|---:|---:|---:|");
        for (Round r : rounds) {
            out.println(line(r));
        }
        out.println();
        long totalMib = Runtime.getRuntime().maxMemory() >= 0 ? memTotalMib() : 0;
        for (Round r : rounds) {
            double pssMib = r.pssKib() / 1024.0 / r.bots();
            double cpu = r.idleCpu() / r.bots();
            long byMemory = (long) ((totalMib - 2048) / pssMib);
            long byCpu = cpu <= 0 ? Long.MAX_VALUE : (long) (2 * 80.0 / cpu);
            out.printf(
                    Locale.ROOT,
                    "%s x%d: a %d MiB / 2-core node holds about %d bots by memory (2 GiB kept back) and %d by idle CPU"
                            + " (80%% of 2 cores)%n",
                    r.page(),
                    r.bots(),
                    totalMib,
                    byMemory,
                    byCpu);
        }
    }

    private static String line(Round r) {
        return String.format(
                Locale.ROOT,
                "| %s | %d | %.1f | %.0f | %.0f | %.1f | %.1f |",
                r.page(),
                r.bots(),
                r.startSeconds(),
                r.pssKib() / 1024.0 / r.bots(),
                r.rssKib() / 1024.0 / r.bots(),
                (double) r.processes() / r.bots(),
                r.idleCpu() / r.bots());
    }

    private static Round standIn(int bots) throws Exception {
        try (EmulatorServer emulator = EmulatorServer.start(Seed.demo(), Clock.systemUTC());
                HttpClient http = HttpClient.newHttpClient()) {
            http.send(
                    HttpRequest.newBuilder(URI.create(
                                    emulator.baseUrl() + "/emulator/meetings/" + DemoSeed.ACME_MEETING + "/start"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{}"))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            SdkSource sdk = new SdkSource.BaseUrl(URI.create(emulator.baseUrl() + "/sdk/6.2.0/"), "6.2.0");
            return measure(
                    "standin",
                    bots,
                    sdk,
                    List.of(WebSdkSettings.LOOPBACK_ONLY),
                    DemoSeed.ACME_SDK_KEY,
                    DemoSeed.ACME_SDK_SECRET,
                    true);
        }
    }

    private static @Nullable Round real(int bots) throws Exception {
        if (!Files.isRegularFile(REAL_DIST.resolve("zoom-meeting-6.2.0.min.js"))) {
            System.err.println("skipping the real SDK: not found at " + REAL_DIST
                    + " (npm install --prefix /tmp/signet-websdk @zoom/meetingsdk@6.2.0)");
            return null;
        }
        try (BlackHole hole = new BlackHole()) {
            String rules = "--host-resolver-rules=MAP * 127.0.0.1:" + hole.port() + ", EXCLUDE 127.0.0.1";
            return measure(
                    "real",
                    bots,
                    new SdkSource.LocalAssets(REAL_DIST, "6.2.0"),
                    List.of(rules),
                    "bench-sdk-key",
                    "bench-sdk-secret-0123456789abcdef",
                    false);
        }
    }

    private static Round measure(
            String page, int bots, SdkSource sdk, List<String> args, String key, String secret, boolean inMeeting)
            throws Exception {
        Path profiles = Files.createTempDirectory("signet-bench-profiles");
        WebSdkSettings settings = WebSdkSettings.defaults(sdk)
                .withExtraArgs(args)
                .withJoinWatchdog(Duration.ofMinutes(5))
                .withSdkLoadTimeout(Duration.ofMinutes(1));
        SdkSigner signer = new SdkSigner(new SdkCredentials(key, Secret.of(secret)), Clock.systemUTC());
        String meeting = Long.toString(DemoSeed.ACME_MEETING);
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> pollers = new ArrayList<>();
        List<MeetingSession> sessions = new ArrayList<>();
        double[] startSeconds = new double[bots];
        try (WebSdkDriver driver = new WebSdkDriver(
                new WebSdkSettings(
                        settings.chromium(),
                        settings.chromedriver(),
                        sdk,
                        false,
                        settings.joinWatchdog(),
                        settings.sdkLoadTimeout(),
                        settings.pollInterval(),
                        args,
                        profiles),
                Clock.systemUTC(),
                Pause.real())) {
            List<Thread> starters = new ArrayList<>();
            for (int i = 0; i < bots; i++) {
                int index = i;
                JoinRequest request = new JoinRequest(
                        meeting,
                        DemoSeed.ACME_MEETING_PASSCODE,
                        null,
                        "Bench bot " + i,
                        0,
                        null,
                        null,
                        null,
                        null,
                        signer.sign(meeting, 0),
                        key);
                MeetingSession session = driver.join(request);
                sessions.add(session);
                starters.add(Thread.ofVirtual().start(() -> {
                    long begin = System.nanoTime();
                    try {
                        if (inMeeting) {
                            DriverEvent event =
                                    session.next(Duration.ofMinutes(2)).orElseThrow();
                            if (!(event instanceof DriverEvent.InMeeting)) {
                                throw new IllegalStateException("bot " + index + " did not join: " + event);
                            }
                        } else {
                            session.next(Duration.ofSeconds(1)).ifPresent(event -> {
                                throw new IllegalStateException("bot " + index + " ended early: " + event);
                            });
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    startSeconds[index] = (System.nanoTime() - begin) / 1e9;
                }));
            }
            for (Thread t : starters) {
                t.join();
            }
            for (MeetingSession session : sessions) {
                pollers.add(Thread.ofVirtual().start(() -> {
                    try {
                        while (!stop.get()) {
                            session.next(Duration.ofMillis(500));
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
            }
            Pause.real().pause(SETTLE);
            List<ProcessTree> trees = ProcessTree.chromedrivers();
            long pss = trees.stream().mapToLong(ProcessTree::pssKib).sum();
            long rss = trees.stream().mapToLong(ProcessTree::rssKib).sum();
            int processes = trees.stream().mapToInt(ProcessTree::size).sum();
            Duration cpu0 = trees.stream().map(ProcessTree::cpu).reduce(Duration.ZERO, Duration::plus);
            long t0 = System.nanoTime();
            Pause.real().pause(IDLE);
            Duration cpu1 =
                    ProcessTree.chromedrivers().stream().map(ProcessTree::cpu).reduce(Duration.ZERO, Duration::plus);
            double idleCpu = 100.0 * cpu1.minus(cpu0).toNanos() / (System.nanoTime() - t0);
            stop.set(true);
            for (Thread t : pollers) {
                t.join();
            }
            for (MeetingSession session : sessions) {
                session.close();
            }
            double slowest = Arrays.stream(startSeconds).max().orElse(0);
            return new Round(page, bots, slowest, pss, rss, processes, idleCpu);
        }
    }

    private static long memTotalMib() throws java.io.IOException {
        for (String line : Files.readAllLines(Path.of("/proc/meminfo"), StandardCharsets.UTF_8)) {
            if (line.startsWith("MemTotal:")) {
                return Long.parseLong(line.substring("MemTotal:".length())
                                .replace("kB", "")
                                .strip())
                        / 1024;
            }
        }
        return 0;
    }
}
