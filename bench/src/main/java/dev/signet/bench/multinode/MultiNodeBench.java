package dev.signet.bench.multinode;

import dev.signet.bench.platform.BenchDatabase;
import dev.signet.bench.platform.Http;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Many nodes (decision 0023): for each size (default 5,000), a fresh PostgreSQL schema, an emulator and three platform
 * nodes as child JVMs from {@code app/target/signet.jar}; the bots (anonymous, 25 to an open meeting) are created
 * through the three APIs round-robin, all with one {@code join_at}; then the node holding the most bots is killed with {@code
 * SIGKILL} and the others take its bots over. Prints the time from {@code join_at} to all dispatched and all in call,
 * the dispatch lag, each node's share, the takeover time, duplicates in the emulator's meetings and fatal bots.
 *
 * <p>Arguments: {@code [sizes] [kill|kill-half|no-kill] [jdbc-url]}; run with {@code bench/run-multinode.sh}.
 * {@code -Dbench.leadSeconds} overrides the time between the first creation request and {@code join_at} (default
 * 20 s + 15 ms a bot, so creation ends before it).
 */
public final class MultiNodeBench {
    private static final int NODES = 3;
    private static final String DEFAULT_DATABASE = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    private MultiNodeBench() {}

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = Pattern.compile(",")
                .splitAsStream(args.length > 0 ? args[0] : "5000")
                .map(String::strip)
                .map(Integer::valueOf)
                .toList();
        SizeRun.KillMode mode = switch (args.length > 1 ? args[1] : "kill") {
            case "kill" -> SizeRun.KillMode.ALL_IN_CALL;
            case "kill-half" -> SizeRun.KillMode.HALF_IN_CALL;
            case "no-kill" -> SizeRun.KillMode.NONE;
            default ->
                throw new IllegalArgumentException("the second argument is kill, kill-half or no-kill, was " + args[1]);
        };
        String databaseUrl = args.length > 2 ? args[2] : DEFAULT_DATABASE;
        Path jar = Path.of(System.getProperty("signet.jar", "app/target/signet.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no " + jar.toAbsolutePath() + ": build it with mvn install -DskipTests");
        }
        Clock clock = Clock.systemUTC();
        SecureRandom random = new SecureRandom();
        Path logs = Files.createTempDirectory("signet-multinode-bench-");
        System.out.printf(
                Locale.ROOT,
                "Signet many-nodes benchmark %s: sizes %s, %d nodes (lease %s), kill %s, anonymous bots, %d a meeting,"
                        + " %d cores, load %s, database %s, node logs in %s%n",
                clock.instant(),
                sizes,
                NODES,
                Cluster.LEASE,
                mode,
                SizeRun.BOTS_PER_MEETING,
                Runtime.getRuntime().availableProcessors(),
                loadAverage(),
                databaseUrl.replaceAll("password=[^&]*", "password=***"),
                logs);
        // On Ctrl-C or a kill of this JVM no finally block runs: the children it started must not outlive it.
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly)));
        List<RunResult> results = new ArrayList<>();
        try (Http http = new Http()) {
            for (int bots : sizes) {
                String load = loadAverage();
                System.out.printf(Locale.ROOT, "%n== %,d bots on %d nodes (load %s)%n", bots, NODES, load);
                Duration lead = Duration.ofMillis(
                        Long.getLong("bench.leadSeconds", -1) >= 0
                                ? Long.getLong("bench.leadSeconds", 0) * 1000
                                : 20_000 + bots * 15L);
                Path dir = Files.createDirectories(logs.resolve(Integer.toString(bots)));
                String apiKey = "bench_" + HexFormat.of().formatHex(bytes(random, 16));
                String encryptionKey = Base64.getEncoder().encodeToString(bytes(random, 32));
                try (BenchDatabase database = BenchDatabase.of(databaseUrl, clock)) {
                    String url = database.url().orElseThrow();
                    try (Cluster cluster = Cluster.start(jar, NODES, url, apiKey, encryptionKey, dir);
                            Ledger ledger = new Ledger(url)) {
                        RunResult result =
                                new SizeRun(http, cluster, ledger, apiKey, clock).run(bots, mode, lead, load);
                        System.out.println(Report.line(result));
                        results.add(result);
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "%n%s", Report.table(results));
    }

    static String loadAverage() {
        try {
            String text = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.UTF_8);
            return text.substring(0, text.indexOf(' '));
        } catch (IOException e) {
            return "?";
        }
    }

    private static byte[] bytes(SecureRandom random, int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }
}
