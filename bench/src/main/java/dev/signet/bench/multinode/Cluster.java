package dev.signet.bench.multinode;

import dev.signet.bench.platform.ChildJvm;
import dev.signet.emulator.seed.DemoSeed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The emulator and the platform nodes of one run, each a child JVM from {@code signet.jar}; every node on the same
 * database with its own port, data directory and log file. Closing kills the nodes still running, then stops the
 * emulator.
 */
final class Cluster implements AutoCloseable {
    static final String LEASE = "10s";
    private static final Pattern EMULATOR_READY = Pattern.compile("Zoom emulator listening on (http://\\S+)");
    private static final Pattern PLATFORM_READY = Pattern.compile("signet platform: listening on (http://\\S+)");

    private final ChildJvm emulator;
    private final List<ChildJvm> nodes = new ArrayList<>();
    private final List<String> ids = new ArrayList<>();

    private Cluster(ChildJvm emulator) {
        this.emulator = emulator;
    }

    /**
     * Starts the emulator (it drops a participant whose event stream died within about 3 s: ping 1 s, grace 2 s, well
     * under the lease) and {@code nodeCount} platform nodes {@code n1…} on {@code databaseUrl}; logs go to {@code
     * logs}.
     */
    static Cluster start(Path jar, int nodeCount, String databaseUrl, String apiKey, String encryptionKey, Path logs)
            throws IOException {
        Cluster cluster = new Cluster(ChildJvm.start(
                jar,
                "emulator",
                jvmArgs("SIGNET_BENCH_EMULATOR_OPTS", "-Xmx2g"),
                List.of("--host", "127.0.0.1", "--port", "0", "--ping-interval", "1", "--disconnect-grace", "2"),
                Map.of(),
                EMULATOR_READY,
                logs.resolve("emulator.err")));
        try {
            for (int i = 1; i <= nodeCount; i++) {
                String id = "n" + i;
                Map<String, String> env = new TreeMap<>();
                env.put("SIGNET_NODE_ID", id);
                env.put("SIGNET_NODE_LEASE", LEASE);
                env.put("SIGNET_PLATFORM_HOST", "127.0.0.1");
                env.put("SIGNET_PLATFORM_PORT", "0");
                env.put("SIGNET_API_KEYS", apiKey);
                env.put(
                        "SIGNET_DATA_DIR",
                        Files.createDirectories(logs.resolve(id)).toString());
                env.put("SIGNET_DATABASE_URL", databaseUrl);
                env.put("SIGNET_ENCRYPTION_KEY", encryptionKey);
                env.put("SIGNET_DRIVER", "emulator");
                env.put("SIGNET_EMULATOR_URL", cluster.emulator.url());
                env.put("SIGNET_ZOOM_SDK_KEY", DemoSeed.ACME_SDK_KEY);
                env.put("SIGNET_ZOOM_SDK_SECRET", DemoSeed.ACME_SDK_SECRET);
                env.put("SIGNET_DASHBOARD", "false");
                cluster.nodes.add(ChildJvm.start(
                        jar,
                        "platform",
                        jvmArgs("SIGNET_BENCH_NODE_OPTS", "-Xmx1g"),
                        List.of(),
                        env,
                        PLATFORM_READY,
                        logs.resolve(id + ".err")));
                cluster.ids.add(id);
            }
        } catch (IOException | RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    String emulatorUrl() {
        return emulator.url().replaceAll("/$", "");
    }

    List<String> nodeIds() {
        return List.copyOf(ids);
    }

    /** The API base of node {@code index} (0-based), without a trailing slash. */
    String apiUrl(int index) {
        return nodes.get(index).url().replaceAll("/$", "");
    }

    /** SIGKILL of node {@code index}; returns once the process is gone. */
    void kill(int index) throws InterruptedException {
        nodes.get(index).kill();
    }

    @Override
    public void close() {
        for (ChildJvm node : nodes) {
            try {
                node.kill(); // no drain: the run is over and its schema is dropped next
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        emulator.close();
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
}
