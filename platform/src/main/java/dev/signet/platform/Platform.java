package dev.signet.platform;

import dev.signet.platform.api.ApiGuards;
import dev.signet.platform.api.ApiSettings;
import dev.signet.platform.bot.Bots;
import dev.signet.platform.crypto.KeyFile;
import dev.signet.platform.crypto.SecretBox;
import dev.signet.platform.dashboard.Dashboard;
import dev.signet.platform.dashboard.DashboardSettings;
import dev.signet.platform.db.Database;
import dev.signet.platform.driver.MeetingDriver;
import dev.signet.platform.driver.emulator.EmulatorDriver;
import dev.signet.platform.driver.websdk.WebSdkDriver;
import dev.signet.platform.http.ApiKeys;
import dev.signet.platform.http.HttpServer;
import dev.signet.platform.http.JsonCodec;
import dev.signet.platform.http.OpsRoutes;
import dev.signet.platform.retention.Retention;
import dev.signet.platform.retention.RetentionSettings;
import dev.signet.platform.runtime.BotRuntime;
import dev.signet.platform.runtime.NodeSettings;
import dev.signet.platform.runtime.RuntimeSettings;
import dev.signet.platform.time.Pause;
import dev.signet.platform.token.AddressResolver;
import dev.signet.platform.token.TokenFetcher;
import dev.signet.platform.token.TokenFetcherSettings;
import dev.signet.platform.webhook.WebhookSettings;
import dev.signet.platform.webhook.Webhooks;
import dev.signet.secrets.LogGuard;
import dev.signet.secrets.Secret;
import dev.signet.webhooks.WebhookSigner;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.management.JMException;
import javax.management.ObjectName;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's composition root: database, webhooks, bot API, runtime and HTTP server, started in
 * dependency order and closed in reverse.
 *
 * <pre>{@code
 * try (Platform platform = Platform.start(PlatformConfig.fromEnvironment(env), Clock.systemUTC(), null)) {
 *     URI api = platform.baseUrl(); // http://127.0.0.1:<port>
 * }
 * }</pre>
 */
public final class Platform implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Platform.class);

    private final List<AutoCloseable> closeables;
    private final HttpServer http;
    private final PrometheusMeterRegistry meters;

    private Platform(List<AutoCloseable> closeables, HttpServer http, PrometheusMeterRegistry meters) {
        this.closeables = closeables;
        this.http = http;
        this.meters = meters;
    }

    /** Starts the platform with the driver its configuration names. */
    public static Platform start(PlatformConfig config, Clock clock) {
        return start(config, clock, null);
    }

    /**
     * Starts the platform.
     *
     * @param driverOverride the meeting driver to use instead of the configured one (tests, the demo); the
     *     platform does not close it
     * @throws IllegalStateException when the database, the key or the port cannot be had; nothing stays running
     */
    public static Platform start(PlatformConfig config, Clock clock, @Nullable MeetingDriver driverOverride) {
        List<AutoCloseable> started = new ArrayList<>();
        try {
            return wire(config, clock, driverOverride, started);
        } catch (RuntimeException e) {
            closeAll(started);
            throw e;
        }
    }

    private static Platform wire(
            PlatformConfig config, Clock clock, @Nullable MeetingDriver driverOverride, List<AutoCloseable> started) {
        SecureRandom random = new SecureRandom();
        Pause pause = Pause.real();
        Secret encryptionKey = KeyFile.resolve(config.encryptionKey(), config.dataDir(), random);
        started.add(LogGuard.install(config.secretsAsText(encryptionKey)));
        JsonCodec json = new JsonCodec();
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        started.add(meters::close);

        Database database = Database.open(config.databaseUrl(), config.get(PlatformSettings.DATABASE_POOL_SIZE));
        started.add(database);

        WebhookSettings webhookSettings = new WebhookSettings(
                config.webhookUrls(),
                config.webhookSecret(),
                config.webhookBackoff(),
                config.webhookTimeout(),
                Duration.ofSeconds(1),
                config.get(PlatformSettings.WEBHOOK_CONCURRENCY));
        SecretBox box = SecretBox.of(encryptionKey, random);
        Webhooks webhooks = new Webhooks(database.jdbi(), webhookSettings, box, json, clock, pause, meters, random);
        started.add(webhooks);
        NodeSettings node = nodeSettings(config);
        String nodeId = config.find(PlatformSettings.NODE_ID)
                .orElseGet(() -> NodeSettings.automaticId(System.getenv("HOSTNAME"), random));
        Bots bots = new Bots(
                database.jdbi(),
                new Bots.Node(
                        nodeId, version(), node.lease(), config.databaseUrl().startsWith("jdbc:h2:")),
                config.get(PlatformSettings.DATABASE_WRITERS),
                json,
                box,
                webhooks.outbox(),
                config.allowLoopbackTokenUrls(),
                clock,
                pause,
                meters);
        started.add(bots); // closed after the runtime: it commits the bots' last status changes

        MeetingDriver driver = driverOverride != null ? driverOverride : driver(config, clock, pause, started);
        WebhookSigner callbackSigner =
                config.webhookSecret() == null ? null : new WebhookSigner(List.of(config.webhookSecret()));
        TokenFetcher tokens = new TokenFetcher(
                TokenFetcherSettings.defaults(config.allowLoopbackTokenUrls()),
                callbackSigner,
                clock,
                AddressResolver.system(),
                pause);
        RuntimeSettings runtimeSettings = RuntimeSettings.defaults(config.sdk())
                .withObfRetryInterval(config.obfRetryInterval())
                .withNode(node);
        BotRuntime runtime =
                new BotRuntime(bots.store(), bots.cluster(), driver, tokens, runtimeSettings, clock, meters, pause);
        started.add(runtime);

        webhooks.start();
        runtime.start();

        // Finished bots and delivered webhooks older than the retention, deleted in small batches in the background.
        Retention retention = new Retention(
                database.jdbi(), RetentionSettings.keeping(config.get(PlatformSettings.RETENTION)), clock, pause);
        started.add(retention);
        retention.start();

        ApiGuards guards = new ApiGuards(
                database.jdbi(),
                ApiSettings.DEFAULTS.withRateLimit(
                        config.get(PlatformSettings.API_RATE_LIMIT).orElse(null)),
                clock,
                pause);
        started.add(guards);
        guards.start();

        ApiKeys apiKeys = ApiKeys.of(config.apiKeys());
        // The dashboard (decision 0021) calls the same services as the API; when switched off it registers nothing.
        Dashboard dashboard = new Dashboard(
                bots.console(runtime),
                webhooks.console(),
                database.jdbi(),
                apiKeys,
                json,
                clock,
                pause,
                random,
                DashboardSettings.DEFAULTS
                        .withEnabled(config.get(PlatformSettings.DASHBOARD))
                        .withSessionLifetime(config.get(PlatformSettings.DASHBOARD_SESSION_LIFETIME))
                        .withTrustForwardedProto(config.get(PlatformSettings.DASHBOARD_TRUST_FORWARDED_PROTO)));
        OpsRoutes ops = new OpsRoutes(
                json,
                database::answers,
                meters,
                new OpsRoutes.Settings(
                        config.find(PlatformSettings.METRICS_TOKEN).orElse(null),
                        OpsRoutes.Settings.DEFAULTS.gaugeRefresh()),
                clock,
                bots::refreshGauge,
                webhooks::refreshGauge);
        HttpServer http = HttpServer.start(
                config.host(),
                config.port(),
                json,
                apiKeys,
                List.of(
                        ops::register,
                        guards::register, // after authentication, before every feature's routes
                        bots.routes(runtime)::register,
                        webhooks.routes()::register,
                        dashboard::register));
        started.add(http);
        LOG.info(
                "platform listening on port {} ({} driver)",
                http.port(),
                driverOverride == null ? config.driver() : "custom");
        return new Platform(List.copyOf(started), http, meters);
    }

    /** This node's capacity and lease: browser bots are limited by memory, emulator bots are not. */
    private static NodeSettings nodeSettings(PlatformConfig config) {
        Integer configured = config.find(PlatformSettings.NODE_CAPACITY).orElse(null);
        int capacity;
        if (configured != null) {
            capacity = configured;
        } else if (config.driver() == PlatformConfig.Driver.WEBSDK) {
            capacity = NodeSettings.browserCapacity(totalMemory());
        } else {
            capacity = NodeSettings.UNLIMITED;
        }
        return NodeSettings.of(capacity, config.get(PlatformSettings.NODE_LEASE));
    }

    /** The memory this JVM sees (a container's limit inside a container); 2 GiB when the JVM does not say. */
    private static long totalMemory() {
        try {
            Object bytes = ManagementFactory.getPlatformMBeanServer()
                    .getAttribute(new ObjectName("java.lang:type=OperatingSystem"), "TotalMemorySize");
            return bytes instanceof Long total ? total : 2L << 30;
        } catch (JMException e) {
            return 2L << 30;
        }
    }

    /** The platform's version (from the jar's manifest), recorded with each node. */
    private static String version() {
        String version = Platform.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    private static MeetingDriver driver(PlatformConfig config, Clock clock, Pause pause, List<AutoCloseable> started) {
        return switch (config.driver()) {
            case EMULATOR -> EmulatorDriver.of(Objects.requireNonNull(config.emulatorUrl()));
            case WEBSDK -> {
                // Closed after the runtime (bots leave first), then it quits any browser still running.
                WebSdkDriver websdk = new WebSdkDriver(Objects.requireNonNull(config.websdk()), clock, pause);
                started.add(websdk);
                yield websdk;
            }
        };
    }

    /** The port the API listens on. */
    public int port() {
        return http.port();
    }

    /** The API's base URL, e.g. {@code http://127.0.0.1:8080} (loopback when listening on every address). */
    public URI baseUrl() {
        return http.baseUrl();
    }

    /** The registry behind {@code /metrics}. */
    public PrometheusMeterRegistry meters() {
        return meters;
    }

    /** Stops taking requests, lets bots leave their calls, stops webhook delivery and closes the database. */
    @Override
    public void close() {
        closeAll(closeables);
    }

    private static void closeAll(List<AutoCloseable> started) {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                LOG.warn(
                        "error while stopping {}: {}", started.get(i).getClass().getSimpleName(), e.toString());
            }
        }
    }
}
