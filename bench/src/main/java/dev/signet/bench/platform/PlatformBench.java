package dev.signet.bench.platform;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import dev.signet.emulator.seed.DemoSeed;
import dev.signet.platform.Platform;
import dev.signet.platform.PlatformConfig;
import dev.signet.webhooks.WebhookSecret;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.slf4j.LoggerFactory;

/**
 * Bots created through the platform's API join emulator meetings: for each size (default 1,000, 5,000 and 10,000, in
 * one run), first anonymous bots into open meetings (the baseline), then signed-in bots, each with a {@code zak_url}
 * to the broker, into meetings only signed-in users may join; 25 bots a meeting.
 *
 * <p>The emulator and the broker run as child JVMs ({@code signet emulator}, {@code signet broker} from {@code
 * app/target/signet.jar}); this JVM holds the platform and a small harness (API clients and a webhook receiver), so
 * its heap after GC is the platform's. Run with {@code bench/run-platform.sh [sizes] [jdbc-url]}: embedded H2 by
 * default, or a fresh schema in the PostgreSQL database the URL names (dropped at the end).
 */
public final class PlatformBench {
    private static final Pattern EMULATOR_READY = Pattern.compile("Zoom emulator listening on (http://\\S+)");
    private static final Pattern BROKER_READY = Pattern.compile("signet broker: listening on (http://\\S+)");
    private static final int WARM_UP_BOTS = 200;

    private PlatformBench() {}

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = sizes(args.length > 0 ? args[0] : "1000,5000,10000");
        String databaseUrl = args.length > 1 ? args[1] : "h2";
        Path jar = Path.of(System.getProperty("signet.jar", "app/target/signet.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no " + jar.toAbsolutePath() + ": build it with mvn package -DskipTests");
        }
        quietLogs();
        Clock clock = Clock.systemUTC();
        SecureRandom random = new SecureRandom();
        Path data = Files.createTempDirectory("signet-platform-bench-");
        System.out.printf(
                Locale.ROOT,
                "Signet platform benchmark %s: sizes %s, %d bots a meeting, %d cores, load %s, database %s,"
                        + " bench JVM %s (max heap %d MiB)%n",
                clock.instant(),
                sizes,
                PhaseRunner.BOTS_PER_MEETING,
                Runtime.getRuntime().availableProcessors(),
                PhaseRunner.loadAverage(),
                databaseUrl.startsWith("jdbc:") ? databaseUrl.replaceAll("password=[^&]*", "password=***") : "H2",
                ManagementFactory.getRuntimeMXBean().getInputArguments(),
                Runtime.getRuntime().maxMemory() >> 20);
        String brokerSecret = HexFormat.of().formatHex(bytes(random, 24));
        try (Http http = new Http();
                WebhookInbox inbox = new WebhookInbox();
                ChildJvm emulator = ChildJvm.start(
                        jar,
                        "emulator",
                        jvmArgs("SIGNET_BENCH_EMULATOR_OPTS", "-Xmx3g"),
                        List.of("--host", "127.0.0.1", "--port", "0"),
                        Map.of(),
                        EMULATOR_READY);
                ChildJvm broker = ChildJvm.start(
                        jar,
                        "broker",
                        jvmArgs("SIGNET_BENCH_BROKER_OPTS", "-Xmx512m"),
                        List.of(),
                        brokerEnv(emulator.url(), brokerSecret),
                        BROKER_READY);
                BenchDatabase database = BenchDatabase.of(databaseUrl, clock)) {
            long harnessHeap = heapAfterGcMib();
            String apiKey = "bench_" + HexFormat.of().formatHex(bytes(random, 16));
            String brokerUrl = broker.url().replaceAll("/$", "");
            String zakUrl = brokerUrl + "/zoom/zak?token=" + brokerSecret;
            try (Platform platform = Platform.start(
                    PlatformConfig.fromEnvironment(
                            platformEnv(apiKey, data, database, inbox.url(), emulator.url(), random)),
                    clock)) {
                PhaseRunner runner = new PhaseRunner(http, platform, apiKey, emulator, broker, inbox, clock);
                runner.run("warm-up", "warmup", WARM_UP_BOTS, zakUrl);
                long idleHeap = heapAfterGcMib();
                System.out.printf(
                        Locale.ROOT,
                        "%nheap after GC: harness alone %d MiB, platform idle after the warm-up %d MiB%n",
                        harnessHeap,
                        idleHeap);
                List<PhaseResult> results = new ArrayList<>();
                for (int size : sizes) {
                    results.add(runner.run("baseline (anonymous)", "baseline", size, null));
                    results.add(runner.run("signed in (zak_url)", "signedin", size, zakUrl));
                }
                System.out.printf(Locale.ROOT, "%n%s", Report.table(results, idleHeap));
            }
        }
    }

    private static Map<String, String> brokerEnv(String emulatorUrl, String secret) {
        Map<String, String> env = new TreeMap<>();
        env.put("SIGNET_BROKER_HOST", "127.0.0.1");
        env.put("SIGNET_BROKER_PORT", "0");
        env.put("SIGNET_ZOOM_ACCOUNT_ID", DemoSeed.ACME_ACCOUNT_ID);
        env.put("SIGNET_ZOOM_CLIENT_ID", DemoSeed.ACME_S2S_CLIENT_ID);
        env.put("SIGNET_ZOOM_CLIENT_SECRET", DemoSeed.ACME_S2S_CLIENT_SECRET);
        env.put("SIGNET_ZOOM_OAUTH_URL", emulatorUrl.replaceAll("/$", ""));
        env.put("SIGNET_ZOOM_API_URL", emulatorUrl.replaceAll("/$", "") + "/v2");
        env.put("SIGNET_BROKER_ZAK_USERS", DemoSeed.NOTETAKER_EMAIL);
        env.put("SIGNET_BROKER_SECRETS", secret);
        return env;
    }

    private static Map<String, String> platformEnv(
            String apiKey,
            Path data,
            BenchDatabase database,
            String webhookUrl,
            String emulatorUrl,
            SecureRandom random) {
        Map<String, String> env = new TreeMap<>();
        env.put("SIGNET_PLATFORM_HOST", "127.0.0.1");
        env.put("SIGNET_PLATFORM_PORT", "0");
        env.put("SIGNET_API_KEYS", apiKey);
        env.put("SIGNET_DATA_DIR", data.toString());
        database.url().ifPresent(url -> env.put("SIGNET_DATABASE_URL", url));
        env.put("SIGNET_WEBHOOK_URLS", webhookUrl);
        env.put("SIGNET_WEBHOOK_SECRET", WebhookSecret.generate(random).encoded());
        env.put("SIGNET_WEBHOOK_BACKOFF", "1s,2s,5s");
        env.put("SIGNET_DRIVER", "emulator");
        env.put("SIGNET_EMULATOR_URL", emulatorUrl);
        env.put("SIGNET_ALLOW_LOOPBACK_TOKEN_URLS", "true");
        env.put("SIGNET_ENCRYPTION_KEY", Base64.getEncoder().encodeToString(bytes(random, 32)));
        env.put("SIGNET_ZOOM_SDK_KEY", DemoSeed.ACME_SDK_KEY);
        env.put("SIGNET_ZOOM_SDK_SECRET", DemoSeed.ACME_SDK_SECRET);
        // The write path's knobs, from the bench's own environment, so one setting can be compared with another.
        for (String tuning : List.of("SIGNET_DATABASE_POOL_SIZE", "SIGNET_DATABASE_WRITERS")) {
            String value = System.getenv(tuning);
            if (value != null) {
                env.put(tuning, value);
                System.out.println("platform setting from the environment: " + tuning + "=" + value);
            }
        }
        return env;
    }

    /** {@code defaults} followed by the space-separated options in environment variable {@code name}. */
    private static List<String> jvmArgs(String name, String defaults) {
        List<String> args = new ArrayList<>(List.of(defaults));
        String extra = System.getenv(name);
        if (extra != null) {
            Pattern.compile("\\s+")
                    .splitAsStream(extra.strip())
                    .filter(s -> !s.isEmpty())
                    .forEach(args::add);
        }
        return args;
    }

    private static List<Integer> sizes(String text) {
        return Pattern.compile(",")
                .splitAsStream(text)
                .map(String::strip)
                .map(Integer::valueOf)
                .toList();
    }

    private static long heapAfterGcMib() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
    }

    private static void quietLogs() {
        LoggerContext logs = (LoggerContext) LoggerFactory.getILoggerFactory();
        logs.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
        logs.getLogger("dev.signet").setLevel(Level.WARN);
    }

    private static byte[] bytes(SecureRandom random, int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }
}
