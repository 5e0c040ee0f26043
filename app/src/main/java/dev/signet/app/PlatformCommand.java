package dev.signet.app;

import dev.signet.platform.Platform;
import dev.signet.platform.PlatformConfig;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code signet platform}: runs the bot platform (bot API, runtime, webhooks). Every flag has a {@code SIGNET_*}
 * environment variable of the same meaning; a flag wins over its variable. Prefer the variables for secrets: flags
 * show in {@code ps}.
 */
@Command(
        name = "platform",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the bot platform: the Recall-compatible bot API under /api/v1/, the bot runtime and webhooks.",
            "Each option can be given as the SIGNET_* environment variable named in its description;"
                    + " prefer the environment for secrets."
        },
        sortOptions = false)
public final class PlatformCommand implements Callable<Integer> {
    @CommandLine.Spec
    @SuppressWarnings("NullAway.Init")
    private CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--host",
            paramLabel = "ADDR",
            description = "Address to bind. Env SIGNET_PLATFORM_HOST, default 0.0.0.0.")
    private @Nullable String host;

    @Option(names = "--port", paramLabel = "PORT", description = "API port. Env SIGNET_PLATFORM_PORT, default 8080.")
    private @Nullable String port;

    @Option(
            names = "--api-keys",
            paramLabel = "KEYS",
            description = "Comma-separated API keys (kept only as hashes). Env SIGNET_API_KEYS (required).")
    private @Nullable String apiKeys;

    @Option(
            names = "--data",
            paramLabel = "DIR",
            description = "Data directory of the embedded database. Env SIGNET_DATA_DIR, default ~/.signet.")
    private @Nullable String dataDir;

    @Option(
            names = "--database-url",
            paramLabel = "JDBC",
            description = "JDBC URL, e.g. jdbc:postgresql://db/signet. Env SIGNET_DATABASE_URL, default H2 in --data.")
    private @Nullable String databaseUrl;

    @Option(
            names = "--webhook-urls",
            paramLabel = "URLS",
            description = "Comma-separated status-change webhook receivers. Env SIGNET_WEBHOOK_URLS.")
    private @Nullable String webhookUrls;

    @Option(
            names = "--webhook-secret",
            paramLabel = "WHSEC",
            description = "whsec_ secret signing webhooks and token callbacks. Env SIGNET_WEBHOOK_SECRET.")
    private @Nullable String webhookSecret;

    @Option(
            names = "--driver",
            paramLabel = "DRIVER",
            description = "emulator or websdk. Env SIGNET_DRIVER, default emulator.")
    private @Nullable String driver;

    @Option(
            names = "--emulator-url",
            paramLabel = "URL",
            description = "The emulator's base URL for the emulator driver. Env SIGNET_EMULATOR_URL.")
    private @Nullable String emulatorUrl;

    @Option(
            names = "--allow-loopback-token-urls",
            paramLabel = "BOOL",
            description = "Accept http://127.0.0.1 token URLs (development). Env SIGNET_ALLOW_LOOPBACK_TOKEN_URLS.")
    private @Nullable String allowLoopback;

    @Option(
            names = "--encryption-key",
            paramLabel = "BASE64",
            description = "Base64 32-byte key for stored token URLs. Env SIGNET_ENCRYPTION_KEY.")
    private @Nullable String encryptionKey;

    @Option(
            names = "--obf-retry-interval",
            paramLabel = "DURATION",
            description = "How often a bot waiting for its OBF user retries with a fresh OBF token (e.g. 10s; each"
                    + " retry mints a token). Env SIGNET_OBF_RETRY_INTERVAL, default 10s.")
    private @Nullable String obfRetryInterval;

    @Option(
            names = "--zoom-sdk-key",
            paramLabel = "KEY",
            description = "Meeting SDK key. Env SIGNET_ZOOM_SDK_KEY (required).")
    private @Nullable String sdkKey;

    @Option(
            names = "--zoom-sdk-secret",
            paramLabel = "SECRET",
            description = "Meeting SDK secret. Env SIGNET_ZOOM_SDK_SECRET (required).")
    private @Nullable String sdkSecret;

    /** The platform's settings: the environment, overridden by the flags given. */
    Map<String, String> settings(Map<String, String> environment) {
        Map<String, @Nullable String> flags = new LinkedHashMap<>();
        flags.put("SIGNET_PLATFORM_HOST", host);
        flags.put("SIGNET_PLATFORM_PORT", port);
        flags.put("SIGNET_API_KEYS", apiKeys);
        flags.put("SIGNET_DATA_DIR", dataDir);
        flags.put("SIGNET_DATABASE_URL", databaseUrl);
        flags.put("SIGNET_WEBHOOK_URLS", webhookUrls);
        flags.put("SIGNET_WEBHOOK_SECRET", webhookSecret);
        flags.put("SIGNET_DRIVER", driver);
        flags.put("SIGNET_EMULATOR_URL", emulatorUrl);
        flags.put("SIGNET_ALLOW_LOOPBACK_TOKEN_URLS", allowLoopback);
        flags.put("SIGNET_ENCRYPTION_KEY", encryptionKey);
        flags.put("SIGNET_OBF_RETRY_INTERVAL", obfRetryInterval);
        flags.put("SIGNET_ZOOM_SDK_KEY", sdkKey);
        flags.put("SIGNET_ZOOM_SDK_SECRET", sdkSecret);
        return Foreground.settings(environment, flags);
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        // SIGTERM closes the platform: it stops taking requests, bots leave their calls, webhooks stop, the
        // database closes.
        return Foreground.run(
                "platform",
                out,
                spec.commandLine().getErr(),
                () -> {
                    PlatformConfig config = PlatformConfig.fromEnvironment(settings(System.getenv()));
                    return () -> Platform.start(config, Clock.systemUTC());
                },
                platform -> out.println("signet platform: listening on " + platform.baseUrl() + " (API /api/v1/)"));
    }
}
