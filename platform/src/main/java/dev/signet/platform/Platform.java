package dev.signet.platform;

import dev.signet.platform.bot.Bots;
import dev.signet.platform.crypto.SecretBox;
import dev.signet.platform.db.Database;
import dev.signet.platform.driver.MeetingDriver;
import dev.signet.platform.driver.emulator.EmulatorDriver;
import dev.signet.platform.driver.websdk.WebSdkDriver;
import dev.signet.platform.http.ApiKeys;
import dev.signet.platform.http.HttpServer;
import dev.signet.platform.http.JsonCodec;
import dev.signet.platform.http.OpsRoutes;
import dev.signet.platform.logging.LogGuard;
import dev.signet.platform.runtime.BotRuntime;
import dev.signet.platform.runtime.RuntimeSettings;
import dev.signet.platform.time.Pause;
import dev.signet.platform.token.AddressResolver;
import dev.signet.platform.token.TokenFetcher;
import dev.signet.platform.token.TokenFetcherSettings;
import dev.signet.platform.webhook.WebhookSettings;
import dev.signet.platform.webhook.Webhooks;
import dev.signet.webhooks.WebhookSecret;
import dev.signet.webhooks.WebhookSigner;
import dev.signet.zoom.Secret;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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
    private final String host;

    private Platform(List<AutoCloseable> closeables, HttpServer http, PrometheusMeterRegistry meters, String host) {
        this.closeables = closeables;
        this.http = http;
        this.meters = meters;
        this.host = host;
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
        Secret encryptionKey = encryptionKey(config, random);
        LogGuard guard = LogGuard.install(secretsOf(config, encryptionKey));
        started.add(guard);
        SecretBox box = SecretBox.of(encryptionKey, random);
        JsonCodec json = new JsonCodec();
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        started.add(meters::close);

        Database database = Database.open(config.databaseUrl(), 20);
        started.add(database);

        WebhookSettings webhookSettings = new WebhookSettings(
                config.webhookUrls(),
                config.webhookSecret(),
                config.webhookBackoff(),
                config.webhookTimeout(),
                Duration.ofSeconds(1));
        Webhooks webhooks = new Webhooks(database.jdbi(), webhookSettings, json, clock, pause, meters, random);
        started.add(webhooks);

        Bots bots =
                new Bots(database.jdbi(), json, box, webhooks.outbox(), config.allowLoopbackTokenUrls(), clock, meters);

        MeetingDriver driver = driverOverride != null ? driverOverride : driver(config, clock, pause, started);
        WebhookSigner callbackSigner =
                config.webhookSecret() == null ? null : new WebhookSigner(List.of(config.webhookSecret()));
        TokenFetcher tokens = new TokenFetcher(
                TokenFetcherSettings.defaults(config.allowLoopbackTokenUrls()),
                callbackSigner,
                clock,
                AddressResolver.system(),
                pause);
        RuntimeSettings runtimeSettings =
                RuntimeSettings.defaults(config.sdk()).withObfRetryInterval(config.obfRetryInterval());
        BotRuntime runtime = new BotRuntime(bots.store(), driver, tokens, runtimeSettings, clock, meters, pause);
        started.add(runtime);

        webhooks.start();
        runtime.start();

        ApiKeys keys = ApiKeys.of(config.apiKeys());
        OpsRoutes ops = new OpsRoutes(json, database::answers, meters, () -> {
            bots.refreshGauge();
            webhooks.refreshGauge();
        });
        HttpServer http = HttpServer.start(
                config.host(),
                config.port(),
                json,
                keys,
                List.of(ops::register, bots.routes(runtime)::register, webhooks.routes()::register));
        started.add(http);
        LOG.info(
                "platform listening on port {} ({} driver)",
                http.port(),
                driverOverride == null ? config.driver() : "custom");
        return new Platform(List.copyOf(started), http, meters, config.host());
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

    /** Every configured secret as it could appear in a log line: API keys, webhook, SDK and encryption keys. */
    private static List<String> secretsOf(PlatformConfig config, Secret encryptionKey) {
        List<String> secrets = new ArrayList<>();
        config.apiKeys().forEach(key -> secrets.add(key.reveal()));
        if (config.webhookSecret() != null) {
            String encoded = config.webhookSecret().encoded();
            secrets.add(encoded);
            secrets.add(encoded.substring(WebhookSecret.PREFIX.length()));
        }
        secrets.add(config.sdk().secret().reveal());
        secrets.add(encryptionKey.reveal());
        return secrets;
    }

    /** The configured key, or for the embedded database one generated once into the data directory. */
    private static Secret encryptionKey(PlatformConfig config, SecureRandom random) {
        if (config.encryptionKey() != null) {
            return config.encryptionKey();
        }
        Path file = config.dataDir().resolve("encryption.key");
        try {
            if (Files.exists(file)) {
                return Secret.of(Files.readString(file, StandardCharsets.UTF_8).strip());
            }
            Files.createDirectories(config.dataDir());
            Secret key = SecretBox.generateKey(random);
            Files.writeString(file, key.reveal(), StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                LOG.debug("no POSIX permissions for the generated key file");
            }
            LOG.warn("SIGNET_ENCRYPTION_KEY is not set: generated one in {}; set it explicitly in production", file);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the encryption key in " + config.dataDir(), e);
        }
    }

    /** The port the API listens on. */
    public int port() {
        return http.port();
    }

    /** The API's base URL, e.g. {@code http://127.0.0.1:8080} (loopback when listening on every address). */
    public URI baseUrl() {
        String h = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
        return URI.create("http://" + (h.contains(":") ? "[" + h + "]" : h) + ":" + port());
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
