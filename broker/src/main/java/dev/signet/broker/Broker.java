package dev.signet.broker;

import dev.signet.broker.admin.AdminRoutes;
import dev.signet.broker.auth.AdminAuth;
import dev.signet.broker.auth.CallbackAuth;
import dev.signet.broker.connect.ConnectLinks;
import dev.signet.broker.connect.ConnectRoutes;
import dev.signet.broker.connect.ConnectService;
import dev.signet.broker.db.Database;
import dev.signet.broker.db.EncryptionKey;
import dev.signet.broker.db.Sealer;
import dev.signet.broker.events.ZoomEventRoutes;
import dev.signet.broker.events.ZoomSignature;
import dev.signet.broker.grants.GrantService;
import dev.signet.broker.grants.IdleRefresh;
import dev.signet.broker.http.BrokerServer;
import dev.signet.broker.metrics.BrokerMetrics;
import dev.signet.broker.obf.ObfRoutes;
import dev.signet.broker.obf.ObfService;
import dev.signet.broker.zak.UserPool;
import dev.signet.broker.zak.Warmup;
import dev.signet.broker.zak.ZakPolicy;
import dev.signet.broker.zak.ZakRoutes;
import dev.signet.broker.zak.ZakService;
import dev.signet.broker.zak.ZakThreads;
import dev.signet.secrets.LogGuard;
import dev.signet.secrets.Secret;
import dev.signet.webhooks.ReplayGuard;
import dev.signet.webhooks.WebhookSecret;
import dev.signet.webhooks.WebhookVerifier;
import dev.signet.zoom.http.ZoomExchange;
import dev.signet.zoom.oauth.ZoomOAuth;
import dev.signet.zoom.oauth.ZoomUserOAuth;
import dev.signet.zoom.users.TokenType;
import dev.signet.zoom.users.UserToken;
import dev.signet.zoom.users.ZoomMe;
import dev.signet.zoom.users.ZoomUsers;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
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
    private final ZakThreads threads;
    private final LogGuard guard;
    private final String host;
    private final @Nullable Obf obf;

    /** The OBF side, running: its database and services (absent without a user OAuth app). */
    private record Obf(
            Database database,
            GrantService grants,
            ConnectService connect,
            IdleRefresh idle,
            Consumer<RoutesConfig> routes) {}

    private Broker(
            Javalin server, HttpClient http, ZakThreads threads, LogGuard guard, String host, @Nullable Obf obf) {
        this.server = server;
        this.http = http;
        this.threads = threads;
        this.guard = guard;
        this.host = host;
        this.obf = obf;
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
        LogGuard guard = LogGuard.install(config.secretsAsText());
        BrokerMetrics metrics = new BrokerMetrics();
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(config.zoomTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        ZoomExchange zoom = new ZoomExchange(http, clock, config.zoomTimeout(), metrics::zoomCall);
        ZakThreads threads = new ZakThreads(
                Executors.newVirtualThreadPerTaskExecutor(),
                Executors.newSingleThreadScheduledExecutor(
                        Thread.ofPlatform().name("broker-scheduler").daemon().factory()));
        Obf obf = null;
        try {
            ZoomUsers users = new ZoomUsers(
                    zoom,
                    config.zoomEndpoints(),
                    new ZoomOAuth(zoom, config.zoomEndpoints(), config.credentials(), clock, guard::protect),
                    clock);
            ZakService service = new ZakService(
                    user -> {
                        UserToken zak = users.token(user, TokenType.ZAK, config.zakTtl(), null);
                        guard.protect(zak.token());
                        return zak;
                    },
                    new ZakPolicy(config.zakTtl(), config.zakReuse(), config.zakMinRemaining(), config.zoomTimeout()),
                    new UserPool(
                            config.zakUsers(), config.pool() == BrokerConfig.Pool.ROUND_ROBIN, config.userCooldown()),
                    metrics,
                    clock,
                    threads);
            CallbackAuth auth = new CallbackAuth(config.querySecrets(), verifier(config.webhookSecret(), clock));
            ZakRoutes routes = new ZakRoutes(auth, service, metrics, config.secretParam());
            ObfConfig obfConfig = config.obf();
            if (obfConfig != null) {
                obf = startObf(config, obfConfig, zoom, metrics, guard, clock);
            }
            ObfRoutes obfRoutes = new ObfRoutes(
                    auth,
                    obf == null ? null : obfService(config, obf, zoom, guard, clock),
                    metrics,
                    config.secretParam());
            Obf started = obf;
            byte[] openApi = openApiDocument();
            Javalin server = BrokerServer.start(
                    config.host(),
                    config.port(),
                    routes,
                    all -> {
                        obfRoutes.register(all);
                        all.get(
                                "/openapi.json",
                                ctx -> ctx.contentType("application/json").result(openApi));
                        if (started != null) {
                            started.routes().accept(all);
                        }
                    },
                    metrics,
                    service::ready,
                    service::readiness);
            Broker broker = new Broker(server, http, threads, guard, config.host(), obf);
            if (obf != null && obfConfig != null) {
                var _ = obf.idle().start(threads.scheduler(), obfConfig.grantCheckInterval());
                ConnectService connect = obf.connect();
                var _ = threads.scheduler()
                        .scheduleWithFixedDelay(() -> purgeStates(connect), 10, 600, TimeUnit.SECONDS);
                log.info(
                        "OBF enabled: user OAuth app {}, grants in the {} database, connect at {}",
                        obfConfig.app().clientId(),
                        obf.database().embedded() ? "embedded" : "external",
                        obfConfig.connectUri());
            }
            log.info(
                    "token broker listening on {}:{} for {} Zoom user(s); ZAK reuse {} s, pool {}",
                    config.host(),
                    server.port(),
                    config.zakUsers().size(),
                    config.zakReuse().toSeconds(),
                    config.pool());
            new Warmup(service, threads).start();
            return broker;
        } catch (RuntimeException e) {
            threads.scheduler().shutdownNow();
            threads.mints().shutdownNow();
            if (obf != null) {
                obf.database().close();
            }
            http.close();
            guard.close();
            throw e;
        }
    }

    /** Opens the grant database and wires the connect flow, the operator API and Zoom's events. */
    private static Obf startObf(
            BrokerConfig config, ObfConfig obf, ZoomExchange zoom, BrokerMetrics metrics, LogGuard guard, Clock clock) {
        SecureRandom random = new SecureRandom();
        Secret configuredKey = obf.encryptionKey();
        EncryptionKey key = configuredKey != null
                ? EncryptionKey.parse(configuredKey, "SIGNET_BROKER_ENCRYPTION_KEY")
                : EncryptionKey.loadOrCreate(obf.dataDir(), random);
        Sealer sealer = Sealer.of(key, random);
        Database database = Database.open(obf.databaseUrl(), 10);
        try {
            ZoomUserOAuth oauth = new ZoomUserOAuth(zoom, config.zoomEndpoints(), obf.app(), clock);
            ZoomMe me = new ZoomMe(zoom, config.zoomEndpoints(), clock);
            GrantService grants = new GrantService(database, sealer, oauth, metrics, guard::protect, clock);
            ConnectService connect =
                    new ConnectService(database, sealer, oauth, me, grants, metrics, guard::protect, random, clock);
            AdminAuth admin = new AdminAuth(obf.adminSecrets());
            ConnectLinks links = new ConnectLinks(obf.adminSecrets(), obf.connectUri(), clock);
            ConnectRoutes connectRoutes = new ConnectRoutes(connect, links, admin, obf.callbackPath());
            AdminRoutes adminRoutes =
                    new AdminRoutes(admin, grants, links, oauth, metrics, guard::protect, obf.connectLinkTtl());
            Secret token = obf.zoomWebhookSecretToken();
            ZoomEventRoutes events = new ZoomEventRoutes(
                    token == null ? null : new ZoomSignature(token, clock),
                    grants,
                    metrics,
                    obf.app().clientId());
            if (token == null) {
                log.warn(
                        "SIGNET_BROKER_ZOOM_WEBHOOK_SECRET_TOKEN is not set: Zoom's app-deauthorization events cannot"
                                + " be verified, so {} answers 404",
                        ZoomEventRoutes.PATH);
            }
            return new Obf(
                    database, grants, connect, new IdleRefresh(grants, obf.grantRefreshAfter(), clock), routes -> {
                        connectRoutes.register(routes);
                        adminRoutes.register(routes);
                        events.register(routes);
                    });
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    private static ObfService obfService(BrokerConfig config, Obf obf, ZoomExchange zoom, LogGuard guard, Clock clock) {
        return new ObfService(obf.grants(), new ZoomMe(zoom, config.zoomEndpoints(), clock), guard::protect, clock);
    }

    private static void purgeStates(ConnectService connect) {
        try {
            connect.purgeExpired();
        } catch (RuntimeException e) {
            log.warn("purging expired connect states failed: {}", e.getMessage());
        }
    }

    /** Refreshes idle grants now instead of at the next check (operators, tests); how many were refreshed. */
    public int refreshIdleGrants() {
        Obf running = obf;
        if (running == null) {
            throw new IllegalStateException("OBF is not configured");
        }
        return running.idle().run();
    }

    private static @Nullable WebhookVerifier verifier(dev.signet.secrets.@Nullable Secret secret, Clock clock) {
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
        threads.scheduler().shutdownNow();
        threads.mints().shutdownNow();
        try {
            if (!threads.mints().awaitTermination(5, TimeUnit.SECONDS)) {
                log.warn("some ZAK mints did not stop within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        http.close();
        if (obf != null) {
            obf.database().close();
        }
        log.info("token broker stopped");
        guard.close();
    }

    /** The broker's OpenAPI 3.1 document ({@code openapi/broker.json}), served at {@code /openapi.json}. */
    static byte[] openApiDocument() {
        try (java.io.InputStream in = Broker.class.getResourceAsStream("/openapi/broker.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi/broker.json is missing from the broker's jar");
            }
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
