package dev.signet.broker;

import dev.signet.broker.auth.CallbackAuth;
import dev.signet.broker.http.BrokerServer;
import dev.signet.broker.logging.LogGuard;
import dev.signet.broker.metrics.BrokerMetrics;
import dev.signet.broker.metrics.MeteredHttpClient;
import dev.signet.broker.zak.AccountTokens;
import dev.signet.broker.zak.UserPool;
import dev.signet.broker.zak.Warmup;
import dev.signet.broker.zak.ZakPolicy;
import dev.signet.broker.zak.ZakRoutes;
import dev.signet.broker.zak.ZakService;
import dev.signet.broker.zak.ZoomHealth;
import dev.signet.webhooks.ReplayGuard;
import dev.signet.webhooks.WebhookSecret;
import dev.signet.webhooks.WebhookVerifier;
import dev.signet.zoom.oauth.ZoomOAuth;
import dev.signet.zoom.users.TokenType;
import dev.signet.zoom.users.UserToken;
import dev.signet.zoom.users.ZoomUsers;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The token broker, running: the composition root that wires Zoom OAuth, the ZAK service, callback authentication and
 * the HTTP server, starts warming up against Zoom, and owns their shutdown.
 *
 * <pre>{@code
 * try (Broker broker = Broker.start(BrokerConfig.fromEnvironment(System.getenv()))) {
 *     URI zakUrl = broker.uri().resolve("/zoom/zak?token=...");
 * }
 * }</pre>
 */
public final class Broker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Broker.class);
    /** Standard Webhooks' recommended tolerance for signed callbacks. */
    static final Duration SIGNATURE_TOLERANCE = Duration.ofMinutes(5);
    /** Ids remembered for replay detection; a broker sees far fewer signed callbacks in five minutes. */
    static final int REPLAY_CAPACITY = 100_000;

    private final Javalin server;
    private final HttpClient http;
    private final ExecutorService mints;
    private final ScheduledExecutorService scheduler;
    private final LogGuard guard;
    private final String host;

    private Broker(
            Javalin server,
            HttpClient http,
            ExecutorService mints,
            ScheduledExecutorService scheduler,
            LogGuard guard,
            String host) {
        this.server = server;
        this.http = http;
        this.mints = mints;
        this.scheduler = scheduler;
        this.guard = guard;
        this.host = host;
    }

    /** The configured secrets as they may appear in text: in a URL, a Basic header, a whsec_ string. */
    private static List<String> secretsOf(BrokerConfig config) {
        List<String> secrets = new ArrayList<>();
        config.querySecrets().forEach(s -> secrets.add(s.reveal()));
        String clientSecret = config.credentials().clientSecret().reveal();
        secrets.add(clientSecret);
        secrets.add(Base64.getEncoder()
                .encodeToString(
                        (config.credentials().clientId() + ":" + clientSecret).getBytes(StandardCharsets.UTF_8)));
        if (config.webhookSecret() != null) {
            String whsec = config.webhookSecret().reveal();
            secrets.add(whsec.startsWith("whsec_") ? whsec.substring("whsec_".length()) : whsec);
        }
        return secrets;
    }

    /** Starts a broker on the system clock. */
    public static Broker start(BrokerConfig config) {
        return start(config, Clock.systemUTC());
    }

    /**
     * Starts a broker: binds its port, then fetches an OAuth token and mints a first ZAK in the background.
     *
     * @param clock the time source of reuse windows, token expiry and signature tolerance
     */
    public static Broker start(BrokerConfig config, Clock clock) {
        LogGuard guard = LogGuard.install(secretsOf(config));
        BrokerMetrics metrics = new BrokerMetrics();
        HttpClient http = new MeteredHttpClient(
                HttpClient.newBuilder()
                        .connectTimeout(config.zoomTimeout())
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build(),
                metrics);
        ExecutorService mints = Executors.newVirtualThreadPerTaskExecutor();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("broker-scheduler").daemon().factory());
        try {
            ZoomUsers users = new ZoomUsers(
                    http,
                    config.zoomEndpoints(),
                    new AccountTokens(
                            new ZoomOAuth(http, config.zoomEndpoints(), config.credentials(), clock), guard::protect),
                    clock);
            ZoomHealth health = new ZoomHealth();
            ZakService service = new ZakService(
                    user -> {
                        UserToken zak = users.token(user, TokenType.ZAK, config.zakTtl(), null);
                        guard.protect(zak.token());
                        return zak;
                    },
                    new ZakPolicy(config.zakTtl(), config.zakReuse(), config.zakMinRemaining()),
                    new UserPool(
                            config.zakUsers(), config.pool() == BrokerConfig.Pool.ROUND_ROBIN, config.userCooldown()),
                    health,
                    metrics,
                    clock,
                    config.zoomTimeout(),
                    mints,
                    scheduler);
            CallbackAuth auth = new CallbackAuth(config.querySecrets(), verifier(config.webhookSecret(), clock));
            ZakRoutes routes = new ZakRoutes(auth, service, metrics, config.secretParam());
            Javalin server = BrokerServer.start(
                    config.host(), config.port(), routes::register, metrics, service::ready, service::readiness);
            Broker broker = new Broker(server, http, mints, scheduler, guard, config.host());
            log.info(
                    "token broker listening on {}:{} for {} Zoom user(s); ZAK reuse {} s, pool {}",
                    config.host(),
                    server.port(),
                    config.zakUsers().size(),
                    config.zakReuse().toSeconds(),
                    config.pool());
            new Warmup(service, scheduler, mints).start();
            return broker;
        } catch (RuntimeException e) {
            scheduler.shutdownNow();
            mints.shutdownNow();
            http.close();
            guard.close();
            throw e;
        }
    }

    private static @Nullable WebhookVerifier verifier(dev.signet.zoom.@Nullable Secret secret, Clock clock) {
        if (secret == null) {
            return null;
        }
        return new WebhookVerifier(
                List.of(WebhookSecret.parse(secret.reveal())),
                SIGNATURE_TOLERANCE,
                clock,
                ReplayGuard.inMemory(SIGNATURE_TOLERANCE, REPLAY_CAPACITY, clock));
    }

    /** The port the broker listens on (the real one when configured with 0). */
    public int port() {
        return server.port();
    }

    /** The broker's base URI, e.g. {@code http://127.0.0.1:8081/}; a wildcard bind address reads as loopback. */
    public URI uri() {
        String shown = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
        return URI.create("http://" + (shown.contains(":") ? "[" + shown + "]" : shown) + ":" + port() + "/");
    }

    /** Stops the server, background refreshes and mints, and the HTTP client. */
    @Override
    public void close() {
        server.stop();
        scheduler.shutdownNow();
        mints.shutdownNow();
        try {
            if (!mints.awaitTermination(5, TimeUnit.SECONDS)) {
                log.warn("some ZAK mints did not stop within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        http.close();
        log.info("token broker stopped");
        guard.close();
    }
}
