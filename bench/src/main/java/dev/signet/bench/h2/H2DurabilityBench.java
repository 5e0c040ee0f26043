package dev.signet.bench.h2;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Commits per second of one-row transactions on the platform's embedded H2 URL as shipped ({@code WRITE_DELAY=0}: each
 * commit is written to the OS, not forced to the disk), the same with {@code CHECKPOINT SYNC} after each commit (an
 * fsync per commit, what durability through a power cut would take), PostgreSQL with its default
 * {@code synchronous_commit=on} when a URL is given, and the disk's raw rate of 4 KiB write + fsync as the floor.
 *
 * <pre>{@code
 * mvn -q -pl bench -am package -DskipTests && java -cp bench/target/signet-bench-0.1.0-SNAPSHOT.jar:app/target/signet.jar \
 *     dev.signet.bench.h2.H2DurabilityBench [seconds-per-case] [postgres-jdbc-url]
 * }</pre>
 */
public final class H2DurabilityBench {
    private H2DurabilityBench() {}

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        String postgres = args.length > 1 ? args[1] : null;
        Path dir = Files.createTempDirectory("signet-h2-bench");
        System.out.println("H2 durability bench: " + seconds + " s a case, data in " + dir + ", "
                + Runtime.getRuntime().availableProcessors() + " cores");
        System.out.println(
                String.format(Locale.ROOT, "%-46s %8s %12s %12s", "case", "threads", "commits/s", "mean ms"));
        System.out.println(String.format(
                Locale.ROOT,
                "%-46s %8d %12.0f %12s",
                "disk: 4 KiB write + fsync (floor)",
                1,
                fsyncRate(dir, seconds),
                "-"));
        for (int threads : new int[] {1, 8}) {
            run("H2 as shipped (WRITE_DELAY=0, no fsync)", h2Url(dir, "plain-" + threads), false, threads, seconds);
            run("H2 + CHECKPOINT SYNC per commit (fsync)", h2Url(dir, "sync-" + threads), true, threads, seconds);
            if (postgres != null) {
                run("PostgreSQL (synchronous_commit=on)", postgres, false, threads, seconds);
            }
        }
        System.out.println("load average: " + loadAverage());
    }

    /** The platform's embedded URL (PlatformConfig.embeddedUrl) for a database named {@code name} under {@code dir}. */
    private static String h2Url(Path dir, String name) {
        return "jdbc:h2:async:" + dir.resolve(name).toAbsolutePath() + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
    }

    private static void run(String label, String url, boolean sync, int threads, int seconds) throws Exception {
        String table = "bench_commit_" + threads + (sync ? "_sync" : "");
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + table);
            s.execute("CREATE TABLE " + table + " (id BIGINT PRIMARY KEY, payload VARCHAR(200) NOT NULL)");
        }
        List<Connection> connections = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            connections.add(DriverManager.getConnection(url));
        }
        // warm-up, then the measured run
        measure(connections, table, sync, 1, 0);
        long[] result = measure(connections, table, sync, seconds, 1_000_000_000L);
        for (Connection c : connections) {
            c.close();
        }
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement()) {
            s.execute("DROP TABLE " + table);
        }
        double perSecond = result[0] / (result[1] / 1e9);
        double meanMs = result[1] / 1e6 * threads / Math.max(1, result[0]);
        System.out.println(String.format(Locale.ROOT, "%-46s %8d %12.0f %12.2f", label, threads, perSecond, meanMs));
    }

    /** Commits one-row inserts on every connection for {@code seconds}; {commits, elapsed nanos}. */
    private static long[] measure(List<Connection> connections, String table, boolean sync, int seconds, long idBase)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long start = System.nanoTime();
        List<Future<Long>> counts = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(connections.size())) {
            for (int t = 0; t < connections.size(); t++) {
                Connection c = connections.get(t);
                long base = idBase + (long) t * 100_000_000L + (seconds == 1 ? 50_000_000L : 0);
                counts.add(pool.submit(() -> commitUntil(c, table, sync, deadline, base)));
            }
        }
        long elapsed = System.nanoTime() - start;
        long total = 0;
        for (Future<Long> count : counts) {
            total += count.get();
        }
        return new long[] {total, elapsed};
    }

    private static long commitUntil(Connection c, String table, boolean sync, long deadline, long base)
            throws SQLException {
        long n = 0;
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + table + " (id, payload) VALUES (?, ?)");
                Statement checkpoint = c.createStatement()) {
            while (System.nanoTime() < deadline) {
                insert.setLong(1, base + n);
                insert.setString(2, "status change " + n);
                insert.executeUpdate(); // autocommit: one transaction
                if (sync) {
                    checkpoint.execute("CHECKPOINT SYNC");
                }
                n++;
            }
        }
        return n;
    }

    private static double fsyncRate(Path dir, int seconds) throws IOException {
        Path file = dir.resolve("fsync-probe");
        ByteBuffer block = ByteBuffer.allocate(4096);
        long n = 0;
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(seconds);
        try (FileChannel channel = FileChannel.open(
                file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            while (System.nanoTime() < deadline) {
                block.rewind();
                channel.write(block);
                channel.force(false);
                n++;
            }
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
