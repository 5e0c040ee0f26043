package dev.signet.bench.broker;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import dev.signet.broker.Broker;
import dev.signet.broker.BrokerConfig;
import dev.signet.platform.time.Pause;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.LoggerFactory;

/**
 * The broker's throughput against a constant-answer ceiling (issue 10): Debian's {@code wrk} in its own process drives
 * {@code GET /zoom/zak} on the broker and a constant answer from Debian's {@code nginx}, alternately, run after run, on
 * the same machine; prints each run and the medians. Zoom is a fake answering after 100 ms; with the default 300 s
 * reuse window the steady load makes no Zoom call, which the bench counts.
 *
 * <p>Run from the repository root: {@code bench/broker-wrk.sh [runs] [seconds] [connections]} (builds what it needs).
 */
public final class WrkBench {
    private static final String SECRET = "bench-query-secret-0123456789";
    private static final String CONSTANT = "constant-zak-eyJhbGciOiJIUzI1NiJ9";
    private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern P99 = Pattern.compile("\\s99%\\s+([0-9.]+)(us|ms|s)");
    private static final Pattern P50 = Pattern.compile("\\s50%\\s+([0-9.]+)(us|ms|s)");
    private static final Pattern ERRORS = Pattern.compile("Non-2xx or 3xx responses: (\\d+)|Socket errors: (.*)");

    private WrkBench() {}

    /** One wrk run: requests per second and latency percentiles in milliseconds. */
    record Run(double rps, double p50, double p99, String errors) {}

    public static void main(String[] args) throws Exception {
        ((LoggerContext) LoggerFactory.getILoggerFactory())
                .getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
                .setLevel(Level.WARN);
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        int connections = args.length > 2 ? Integer.parseInt(args[2]) : 200;
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
        try (SlowZoom zoom = new SlowZoom();
                Broker broker = Broker.start(config(zoom))) {
            URI zak = broker.uri().resolve("/zoom/zak?token=" + SECRET);
            URI ceiling = URI.create("http://127.0.0.1:" + nginxPort(dir) + "/zoom/zak?token=" + SECRET);
            awaitOk(zak);
            wrk(zak, connections, 5); // JIT warm-up, not counted
            wrk(ceiling, connections, 2);
            int zoomBefore = zoom.mintCalls();
            List<Run> brokerRuns = new ArrayList<>();
            List<Run> ceilingRuns = new ArrayList<>();
            out.println();
            out.println("| run | target | req/s | p50 (ms) | p99 (ms) | errors |");
            out.println("|---:|---|---:|---:|---:|---|");
            for (int i = 1; i <= runs; i++) {
                Run c = wrk(ceiling, connections, seconds);
                ceilingRuns.add(c);
                row(out, i, "nginx constant (ceiling)", c);
                Run b = wrk(zak, connections, seconds);
                brokerRuns.add(b);
                row(out, i, "broker `/zoom/zak`", b);
            }
            double brokerRps = median(brokerRuns.stream().mapToDouble(Run::rps).toArray());
            double ceilingRps =
                    median(ceilingRuns.stream().mapToDouble(Run::rps).toArray());
            out.printf(
                    Locale.ROOT,
                    "%nmedian: broker %.0f req/s, p99 %.2f ms; ceiling %.0f req/s, p99 %.2f ms; ratio %.2f%n",
                    brokerRps,
                    median(brokerRuns.stream().mapToDouble(Run::p99).toArray()),
                    ceilingRps,
                    median(ceilingRuns.stream().mapToDouble(Run::p99).toArray()),
                    brokerRps / ceilingRps);
            out.printf(
                    Locale.ROOT,
                    "Zoom user-token calls during the measured runs: %d; load average after: %s%n",
                    zoom.mintCalls() - zoomBefore,
                    Files.readString(Path.of("/proc/loadavg")).strip());
        } finally {
            nginx.destroy();
            nginx.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static void row(PrintStream out, int run, String target, Run r) {
        out.printf(
                Locale.ROOT,
                "| %d | %s | %.0f | %.2f | %.2f | %s |%n",
                run,
                target,
                r.rps(),
                r.p50(),
                r.p99(),
                r.errors());
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static Run wrk(URI uri, int connections, int seconds) throws IOException, InterruptedException {
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
                errorText.isEmpty() ? "none" : errorText.toString().strip());
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

    private static BrokerConfig config(SlowZoom zoom) {
        return BrokerConfig.fromEnvironment(Map.of(
                "SIGNET_BROKER_HOST", "127.0.0.1",
                "SIGNET_BROKER_PORT", "0",
                "SIGNET_ZOOM_OAUTH_URL", zoom.oauthBase(),
                "SIGNET_ZOOM_API_URL", zoom.apiBase(),
                "SIGNET_ZOOM_ACCOUNT_ID", "bench-account",
                "SIGNET_ZOOM_CLIENT_ID", "bench-client",
                "SIGNET_ZOOM_CLIENT_SECRET", "bench-client-secret",
                "SIGNET_BROKER_ZAK_USERS", "bot@example.com",
                "SIGNET_BROKER_SECRETS", SECRET));
    }
}
