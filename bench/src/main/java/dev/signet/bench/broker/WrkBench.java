package dev.signet.bench.broker;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import dev.signet.platform.time.Pause;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.LoggerFactory;

/**
 * The broker's throughput against a constant-answer ceiling (issue 10): Debian's {@code wrk} in its own process drives
 * {@code GET /zoom/zak} on the broker and a constant answer from Debian's {@code nginx}, alternately, run after run, on
 * the same machine; prints each run with the load average at its start, then the medians and the ratio. The broker runs
 * in a JVM of its own ({@link WrkBroker}); its Zoom is a fake in this JVM answering after 100 ms, and with the default
 * 300 s reuse window the steady load makes no Zoom call, which the bench counts. Each broker is warmed with {@code wrk}
 * until two warm-up runs agree within 10 % (at most six), since on a busy machine a fixed warm-up can end before the
 * JIT has compiled the hot path.
 *
 * <p>System properties: {@code bench.brokerJvmArgs} (space-separated, e.g. a JFR recording), and
 * {@code bench.baselineClasspath}: the class path of another broker build (with this module's classes), measured in the
 * same rounds as a third target, for before/after comparisons on a noisy machine.
 */
public final class WrkBench {
    private static final String SECRET = "bench-query-secret-0123456789";
    private static final String CONSTANT = "constant-zak-eyJhbGciOiJIUzI1NiJ9";
    private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern P99 = Pattern.compile("\\s99%\\s+([0-9.]+)(us|ms|s)");
    private static final Pattern P50 = Pattern.compile("\\s50%\\s+([0-9.]+)(us|ms|s)");
    private static final Pattern ERRORS = Pattern.compile("Non-2xx or 3xx responses: (\\d+)|Socket errors: (.*)");
    private static final int WARMUP_SECONDS = 5;
    private static final int MAX_WARMUPS = 6;

    private WrkBench() {}

    /** One wrk run: requests per second and latency percentiles in milliseconds. */
    record Run(double rps, double p50, double p99, String errors, double load) {}

    /** One thing wrk drives, and its runs. */
    record Target(String name, URI uri, List<Run> runs) {
        Target(String name, URI uri) {
            this(name, uri, new ArrayList<>());
        }

        double median(ToDoubleFunction<Run> metric) {
            return WrkBench.median(runs.stream().mapToDouble(metric).toArray());
        }
    }

    public static void main(String[] args) throws Exception {
        ((LoggerContext) LoggerFactory.getILoggerFactory())
                .getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
                .setLevel(Level.WARN);
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        int connections = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        String jvmArgs = System.getProperty("bench.brokerJvmArgs", "").strip();
        String baselineClasspath =
                System.getProperty("bench.baselineClasspath", "").strip();
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.printf(
                Locale.ROOT,
                "wrk -t2 -c%d -d%ds, %d runs each, alternating; %d cores; load average before: %s%n",
                connections,
                seconds,
                runs,
                Runtime.getRuntime().availableProcessors(),
                Files.readString(Path.of("/proc/loadavg")).strip());
        Path dir = Files.createTempDirectory("signet-wrk");
        Process nginx = startNginx(dir);
        List<BrokerProcess> brokers = new ArrayList<>();
        try (SlowZoom zoom = new SlowZoom()) {
            List<Target> targets = new ArrayList<>();
            targets.add(new Target(
                    "nginx constant (ceiling)",
                    URI.create("http://127.0.0.1:" + nginxPort(dir) + "/zoom/zak?token=" + SECRET)));
            if (!baselineClasspath.isEmpty()) {
                BrokerProcess baseline = startBroker(baselineClasspath, jvmArgs, zoom, dir.resolve("baseline.log"));
                brokers.add(baseline);
                targets.add(new Target("baseline broker `/zoom/zak`", baseline.zakUri()));
            }
            BrokerProcess broker =
                    startBroker(System.getProperty("java.class.path"), jvmArgs, zoom, dir.resolve("broker.log"));
            brokers.add(broker);
            Target measured = new Target("broker `/zoom/zak`", broker.zakUri());
            targets.add(measured);
            wrk(targets.getFirst().uri(), connections, 2);
            for (Target target : targets.subList(1, targets.size())) {
                awaitOk(target.uri());
                out.printf(Locale.ROOT, "warm-up %s: %s req/s%n", target.name(), warmUp(target.uri(), connections));
            }
            int zoomBefore = zoom.mintCalls();
            out.println();
            out.println("| run | target | req/s | p50 (ms) | p99 (ms) | errors | load (1 min) |");
            out.println("|---:|---|---:|---:|---:|---|---:|");
            for (int i = 1; i <= runs; i++) {
                for (Target target : targets) {
                    Run r = wrk(target.uri(), connections, seconds);
                    target.runs().add(r);
                    row(out, i, target.name(), r);
                }
            }
            Target ceiling = targets.getFirst();
            out.println();
            for (Target target : targets) {
                out.printf(
                        Locale.ROOT,
                        "median: %s %.0f req/s, p50 %.2f ms, p99 %.2f ms, ratio to the ceiling %.2f"
                                + " (median of each round's ratio: %.2f)%n",
                        target.name(),
                        target.median(Run::rps),
                        target.median(Run::p50),
                        target.median(Run::p99),
                        target.median(Run::rps) / ceiling.median(Run::rps),
                        roundRatio(target, ceiling));
            }
            out.printf(
                    Locale.ROOT,
                    "%nbroker/ceiling: %.2f (medians), %.2f (median of each round's ratio: the runs of a round are"
                            + " adjacent, so they see the most similar load); Zoom user-token calls during the measured"
                            + " runs: %d; load average after: %s%n",
                    measured.median(Run::rps) / ceiling.median(Run::rps),
                    roundRatio(measured, ceiling),
                    zoom.mintCalls() - zoomBefore,
                    Files.readString(Path.of("/proc/loadavg")).strip());
        } finally {
            for (BrokerProcess broker : brokers) {
                broker.process().getOutputStream().close();
                if (!broker.process().waitFor(20, TimeUnit.SECONDS)) {
                    broker.process().destroy();
                }
            }
            nginx.destroy();
            nginx.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** The median over rounds of {@code target}'s req/s divided by the ceiling's in the same round. */
    static double roundRatio(Target target, Target ceiling) {
        double[] ratios = new double[target.runs().size()];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = target.runs().get(i).rps() / ceiling.runs().get(i).rps();
        }
        return median(ratios);
    }

    /** Runs wrk until two runs in a row agree within 10 %: the JIT has compiled the hot path. */
    private static String warmUp(URI uri, int connections) throws IOException, InterruptedException {
        List<String> seen = new ArrayList<>();
        double last = 0;
        for (int i = 0; i < MAX_WARMUPS; i++) {
            double rps = wrk(uri, connections, WARMUP_SECONDS).rps();
            seen.add(String.format(Locale.ROOT, "%.0f", rps));
            if (last > 0 && Math.abs(rps - last) <= 0.1 * Math.max(rps, last)) {
                break;
            }
            last = rps;
        }
        return String.join(", ", seen);
    }

    private static BrokerProcess startBroker(String classpath, String jvmArgs, SlowZoom zoom, Path log)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (!jvmArgs.isEmpty()) {
            command.addAll(List.of(jvmArgs.split("\\s+", -1)));
        }
        command.addAll(List.of("-cp", classpath, WrkBroker.class.getName(), zoom.oauthBase(), zoom.apiBase(), SECRET));
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        BufferedReader lines =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (line.startsWith("listening ")) {
                int port =
                        Integer.parseInt(line.substring("listening ".length()).strip());
                Thread.ofPlatform().daemon().name("broker-output").start(() -> drain(lines, log));
                return new BrokerProcess(process, port);
            }
            Files.writeString(log, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        throw new IllegalStateException("the broker exited before listening; see " + log);
    }

    /** A broker JVM and the port it listens on. */
    record BrokerProcess(Process process, int port) {
        URI zakUri() {
            return URI.create("http://127.0.0.1:" + port + "/zoom/zak?token=" + SECRET);
        }
    }

    private static void drain(BufferedReader lines, Path log) {
        try {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                Files.writeString(log, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
        } catch (IOException e) {
            // the broker went away
        }
    }

    private static void row(PrintStream out, int run, String target, Run r) {
        out.printf(
                Locale.ROOT,
                "| %d | %s | %.0f | %.2f | %.2f | %s | %.1f |%n",
                run,
                target,
                r.rps(),
                r.p50(),
                r.p99(),
                r.errors(),
                r.load());
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static Run wrk(URI uri, int connections, int seconds) throws IOException, InterruptedException {
        double load =
                Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ", -1)[0]);
        Process wrk = new ProcessBuilder(
                        "wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--latency", uri.toString())
                .redirectErrorStream(true)
                .start();
        String text = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (wrk.waitFor() != 0) {
            throw new IllegalStateException("wrk failed: " + text);
        }
        Matcher rps = RPS.matcher(text);
        Matcher p50 = P50.matcher(text);
        Matcher p99 = P99.matcher(text);
        if (!rps.find() || !p50.find() || !p99.find()) {
            throw new IllegalStateException("cannot read wrk's output: " + text);
        }
        Matcher errors = ERRORS.matcher(text);
        StringBuilder errorText = new StringBuilder();
        while (errors.find()) {
            errorText.append(errors.group().strip()).append(' ');
        }
        return new Run(
                Double.parseDouble(rps.group(1)),
                millis(p50.group(1), p50.group(2)),
                millis(p99.group(1), p99.group(2)),
                errorText.isEmpty() ? "none" : errorText.toString().strip(),
                load);
    }

    private static double millis(String value, String unit) {
        double v = Double.parseDouble(value);
        return switch (unit) {
            case "us" -> v / 1000;
            case "s" -> v * 1000;
            default -> v;
        };
    }

    private static Process startNginx(Path dir) throws IOException, InterruptedException {
        int port = freePort();
        Files.writeString(dir.resolve("port"), Integer.toString(port));
        Files.createDirectories(dir.resolve("logs"));
        Files.writeString(dir.resolve("nginx.conf"), String.format(Locale.ROOT, """
                worker_processes auto;
                daemon off;
                pid %1$s/nginx.pid;
                error_log %1$s/logs/error.log warn;
                events { worker_connections 4096; }
                http {
                    access_log off;
                    keepalive_requests 1000000;
                    server {
                        listen 127.0.0.1:%2$d;
                        location / { default_type text/plain; add_header Cache-Control no-store; return 200 "%3$s"; }
                    }
                }
                """, dir, port, CONSTANT));
        Process nginx = new ProcessBuilder(
                        "nginx",
                        "-p",
                        dir.toString(),
                        "-c",
                        dir.resolve("nginx.conf").toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("logs/stdout.log").toFile())
                .start();
        awaitOk(URI.create("http://127.0.0.1:" + port + "/"));
        return nginx;
    }

    private static int nginxPort(Path dir) throws IOException {
        return Integer.parseInt(Files.readString(dir.resolve("port")));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void awaitOk(URI uri) throws InterruptedException {
        try (var client = java.net.http.HttpClient.newHttpClient()) {
            for (int i = 0; i < 200; i++) {
                try {
                    var response = client.send(
                            java.net.http.HttpRequest.newBuilder(uri).build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200) {
                        return;
                    }
                } catch (IOException e) {
                    // not up yet
                }
                Pause.real().pause(Duration.ofMillis(100));
            }
        }
        throw new IllegalStateException("no 200 from " + uri);
    }
}
