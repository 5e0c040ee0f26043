package dev.signet.bench.broker;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import dev.signet.broker.Broker;
import dev.signet.broker.BrokerConfig;
import dev.signet.secrets.Secret;
import dev.signet.zoom.oauth.S2sCredentials;
import io.javalin.Javalin;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * The token broker's load benchmark (issue 2): a fake Zoom answering after 100 ms and allowing 30 requests/s, 200
 * concurrent connections for 4 reuse windows of 5 s, against the broker, a naive mint-per-request handler and a bare
 * constant handler. Run with {@code mvn -q -pl bench org.codehaus.mojo:exec-maven-plugin:3.5.0:java
 * -Dexec.mainClass=dev.signet.bench.broker.BrokerBench} (optional {@code -Dexec.args="connections seconds"}).
 */
public final class BrokerBench {
    private static final String SECRET = "bench-query-secret-0123456789";
    private static final String USER = "bot@example.com";
    private static final Duration WINDOW = Duration.ofSeconds(5);

    private BrokerBench() {}

    public static void main(String[] args) throws Exception {
        ((LoggerContext) LoggerFactory.getILoggerFactory())
                .getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
                .setLevel(Level.WARN);
        int connections = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        Duration duration = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 20);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.printf(
                Locale.ROOT,
                "fake Zoom: %d ms per answer, %d user-token calls/s; %d connections for %d s (reuse window %d s)%n",
                SlowZoom.LATENCY_MS,
                SlowZoom.PER_SECOND,
                connections,
                duration.toSeconds(),
                WINDOW.toSeconds());
        try (SlowZoom zoom = new SlowZoom();
                HttpClient http = HttpClient.newHttpClient()) {
            Load.Result bare;
            Javalin bareServer = Handlers.bare();
            try {
                // Warm the JIT, the client and the server stack first, so the first measured handler is not penalised.
                Load.run(uri(bareServer.port(), ""), connections, WINDOW, zoom);
                bare = Load.run(uri(bareServer.port(), ""), connections, duration, zoom);
            } finally {
                bareServer.stop();
            }
            Load.Result broker;
            try (Broker running = Broker.start(config(zoom))) {
                broker = Load.run(running.uri().resolve("/zoom/zak?token=" + SECRET), connections, duration, zoom);
            }
            Load.Result naive;
            Javalin naiveServer = Handlers.naive(
                    zoom,
                    http,
                    new S2sCredentials("bench-account", "bench-client", new Secret("bench-client-secret")),
                    SECRET,
                    USER);
            try {
                naive = Load.run(uri(naiveServer.port(), "?token=" + SECRET), connections, duration, zoom);
            } finally {
                naiveServer.stop();
            }
            double windows = duration.toNanos() / (double) WINDOW.toNanos();
            out.println();
            out.println("| handler | requests | successes | success % | Zoom calls | Zoom calls / 5 s window"
                    + " | cold p50 / p99 (ms) | steady p50 / p99 (ms) | throughput (req/s) |");
            out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
            row(out, "broker (reuse 5 s)", broker, windows);
            row(out, "naive (mint per request)", naive, windows);
            row(out, "bare (constant string)", bare, windows);
            out.printf(
                    Locale.ROOT,
                    "%nbroker throughput = %.1f%% of bare; naive = %.1f%% of bare; broker successes = %.0fx naive%n",
                    100 * broker.throughput() / bare.throughput(),
                    100 * naive.throughput() / bare.throughput(),
                    broker.successes() / (double) Math.max(1, naive.successes()));
            out.printf(Locale.ROOT, "fake Zoom answered 429 to %d user-token calls in all%n", zoom.rateLimited());
        }
    }

    private static BrokerConfig config(SlowZoom zoom) {
        return BrokerConfig.fromEnvironment(Map.of(
                "SIGNET_BROKER_HOST",
                "127.0.0.1",
                "SIGNET_BROKER_PORT",
                "0",
                "SIGNET_ZOOM_OAUTH_URL",
                zoom.oauthBase(),
                "SIGNET_ZOOM_API_URL",
                zoom.apiBase(),
                "SIGNET_ZOOM_ACCOUNT_ID",
                "bench-account",
                "SIGNET_ZOOM_CLIENT_ID",
                "bench-client",
                "SIGNET_ZOOM_CLIENT_SECRET",
                "bench-client-secret",
                "SIGNET_BROKER_ZAK_USERS",
                USER,
                "SIGNET_BROKER_SECRETS",
                SECRET,
                "SIGNET_BROKER_ZAK_REUSE",
                Long.toString(WINDOW.toSeconds())));
    }

    private static URI uri(int port, String query) {
        return URI.create("http://127.0.0.1:" + port + "/zoom/zak" + query);
    }

    private static void row(PrintStream out, String name, Load.Result r, double windows) {
        out.printf(
                Locale.ROOT,
                "| %s | %d | %d | %.1f | %d | %.1f | %.1f / %.1f | %.1f / %.1f | %.0f |%n",
                name,
                r.requests(),
                r.successes(),
                100.0 * r.successes() / Math.max(1, r.requests()),
                r.zoomCalls(),
                r.zoomCalls() / windows,
                Load.Result.percentile(r.coldMicros(), 50) / 1000.0,
                Load.Result.percentile(r.coldMicros(), 99) / 1000.0,
                Load.Result.percentile(r.steadyMicros(), 50) / 1000.0,
                Load.Result.percentile(r.steadyMicros(), 99) / 1000.0,
                r.throughput());
    }
}
