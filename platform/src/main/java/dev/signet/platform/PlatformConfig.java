package dev.signet.platform;

import dev.signet.platform.crypto.SecretBox;
import dev.signet.platform.driver.websdk.WebSdkConfig;
import dev.signet.platform.driver.websdk.WebSdkSettings;
import dev.signet.platform.webhook.WebhookSettings;
import dev.signet.secrets.Secret;
import dev.signet.secrets.settings.Setting;
import dev.signet.secrets.settings.SettingValues;
import dev.signet.webhooks.WebhookSecret;
import dev.signet.zoom.sdk.SdkCredentials;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The platform's configuration, read from {@code SIGNET_*} environment variables declared in {@link
 * PlatformSettings}. A setting used in one place needs no field here: {@link Platform} reads it with {@link #get}.
 *
 * @param host the address the API listens on ({@code SIGNET_PLATFORM_HOST}, default {@code 0.0.0.0})
 * @param port the API port, 0 for any free port ({@code SIGNET_PLATFORM_PORT}, default 8080)
 * @param apiKeys accepted API keys ({@code SIGNET_API_KEYS}, comma-separated; only their hashes are kept)
 * @param dataDir where the embedded database and a generated encryption key live ({@code SIGNET_DATA_DIR})
 * @param databaseUrl JDBC URL ({@code SIGNET_DATABASE_URL}); default an H2 file database under {@code dataDir}
 * @param webhookUrls status-change receivers ({@code SIGNET_WEBHOOK_URLS}, comma-separated)
 * @param webhookSecret the {@code whsec_} secret that signs webhooks and token callbacks ({@code SIGNET_WEBHOOK_SECRET})
 * @param webhookBackoff waits between webhook retries ({@code SIGNET_WEBHOOK_BACKOFF}, e.g. {@code 5s,5m,30m})
 * @param webhookTimeout how long a receiver has to answer ({@code SIGNET_WEBHOOK_TIMEOUT}, default 15 s)
 * @param driver how bots reach meetings ({@code SIGNET_DRIVER}: {@code emulator} or {@code websdk})
 * @param emulatorUrl the emulator's base URL for the {@code emulator} driver ({@code SIGNET_EMULATOR_URL})
 * @param allowLoopbackTokenUrls let {@code http://127.0.0.1…} token URLs through ({@code SIGNET_ALLOW_LOOPBACK_TOKEN_URLS})
 * @param encryptionKey base64 32-byte key for stored token URLs ({@code SIGNET_ENCRYPTION_KEY}); when absent with
 *     the embedded database, one is generated into {@code dataDir}
 * @param obfRetryInterval how often a bot whose OBF user is not in the meeting yet retries with a fresh OBF token
 *     ({@code SIGNET_OBF_RETRY_INTERVAL}, default 10 s: six token mints a minute per waiting bot)
 * @param sdk the Meeting SDK app ({@code SIGNET_ZOOM_SDK_KEY}, {@code SIGNET_ZOOM_SDK_SECRET})
 * @param websdk the {@code websdk} driver's browsers and SDK source ({@code SIGNET_WEBSDK_*}, see {@link
 *     WebSdkConfig}); {@code null} unless {@code SIGNET_DRIVER=websdk}
 * @param settings every declared setting ({@link PlatformSettings}) as read, for {@link #get}
 */
public record PlatformConfig(
        String host,
        int port,
        List<Secret> apiKeys,
        Path dataDir,
        String databaseUrl,
        List<URI> webhookUrls,
        @Nullable WebhookSecret webhookSecret,
        List<Duration> webhookBackoff,
        Duration webhookTimeout,
        Driver driver,
        @Nullable URI emulatorUrl,
        boolean allowLoopbackTokenUrls,
        @Nullable Secret encryptionKey,
        Duration obfRetryInterval,
        SdkCredentials sdk,
        @Nullable WebSdkSettings websdk,
        SettingValues settings) {
    /** Default API port. */
    public static final int DEFAULT_PORT = 8080;

    /** The meeting drivers. */
    public enum Driver {
        /** Speaks the emulator's join protocol over HTTP. */
        EMULATOR,
        /** Headless Chromium with Zoom's Meeting SDK for Web. */
        WEBSDK
    }

    public PlatformConfig {
        Objects.requireNonNull(host, "host");
        apiKeys = List.copyOf(apiKeys);
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(databaseUrl, "databaseUrl");
        webhookUrls = List.copyOf(webhookUrls);
        webhookBackoff = List.copyOf(webhookBackoff);
        Objects.requireNonNull(webhookTimeout, "webhookTimeout");
        Objects.requireNonNull(driver, "driver");
        Objects.requireNonNull(sdk, "sdk");
        Objects.requireNonNull(obfRetryInterval, "obfRetryInterval");
        Objects.requireNonNull(settings, "settings");
        check(driver != Driver.WEBSDK || websdk != null, "SIGNET_DRIVER=websdk needs its SIGNET_WEBSDK_* settings");
        check(port >= 0 && port <= 65_535, "SIGNET_PLATFORM_PORT must be between 0 and 65535");
        check(!apiKeys.isEmpty(), "SIGNET_API_KEYS is required: one or more API keys, comma-separated");
        check(
                webhookUrls.isEmpty() || webhookSecret != null,
                "SIGNET_WEBHOOK_SECRET (whsec_…) is required with SIGNET_WEBHOOK_URLS");
        check(
                driver != Driver.EMULATOR || emulatorUrl != null,
                "SIGNET_EMULATOR_URL is required with SIGNET_DRIVER=emulator");
        check(
                encryptionKey != null || usesEmbeddedDatabase(databaseUrl),
                "SIGNET_ENCRYPTION_KEY is required with SIGNET_DATABASE_URL (base64 of 32 random bytes)");
    }

    /**
     * Reads the configuration ({@link PlatformSettings}); throws {@link IllegalArgumentException} with one line naming
     * the bad variable.
     */
    public static PlatformConfig fromEnvironment(Map<String, String> env) {
        SettingValues s = SettingValues.read(PlatformSettings.ALL, env);
        Path dataDir = s.find(PlatformSettings.DATA_DIR)
                .orElse(Path.of(System.getProperty("user.home"), ".signet"))
                .toAbsolutePath();
        Secret encryptionKey = s.find(PlatformSettings.ENCRYPTION_KEY).orElse(null);
        if (encryptionKey != null) {
            try {
                SecretBox.of(encryptionKey, new SecureRandom());
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("SIGNET_ENCRYPTION_KEY: " + ex.getMessage(), ex);
            }
        }
        int pool = s.get(PlatformSettings.DATABASE_POOL_SIZE);
        int writers = s.get(PlatformSettings.DATABASE_WRITERS);
        check(
                writers * 2 <= pool,
                "SIGNET_DATABASE_WRITERS (" + writers + ") must be at most half of SIGNET_DATABASE_POOL_SIZE (" + pool
                        + "): the API, the scheduler and webhook delivery need the rest of the pool");
        Driver driver = s.get(PlatformSettings.DRIVER);
        return new PlatformConfig(
                s.get(PlatformSettings.HOST),
                s.get(PlatformSettings.PORT),
                s.get(PlatformSettings.API_KEYS),
                dataDir,
                s.find(PlatformSettings.DATABASE_URL).orElse(embeddedUrl(dataDir)),
                s.find(PlatformSettings.WEBHOOK_URLS).orElse(List.of()),
                s.find(PlatformSettings.WEBHOOK_SECRET).orElse(null),
                s.get(PlatformSettings.WEBHOOK_BACKOFF),
                s.get(PlatformSettings.WEBHOOK_TIMEOUT),
                driver,
                s.find(PlatformSettings.EMULATOR_URL).orElse(null),
                s.get(PlatformSettings.ALLOW_LOOPBACK_TOKEN_URLS),
                encryptionKey,
                s.get(PlatformSettings.OBF_RETRY_INTERVAL),
                new SdkCredentials(s.get(PlatformSettings.ZOOM_SDK_KEY), s.get(PlatformSettings.ZOOM_SDK_SECRET)),
                driver == Driver.WEBSDK ? WebSdkConfig.from(s) : null,
                s);
    }

    /** The value of a declared setting: how {@link Platform} reads a setting that has no field here. */
    public <T> T get(Setting<T> setting) {
        return settings.get(setting);
    }

    /** The value of a declared setting without a default; empty when unset. */
    public <T> Optional<T> find(Setting<T> setting) {
        return settings.find(setting);
    }

    /** CONTRACTS.md §2: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h. */
    public static final List<Duration> DEFAULT_BACKOFF = WebhookSettings.DEFAULT_BACKOFF;

    /** The embedded H2 database under {@code dataDir}; each commit is written at once so {@code kill -9} loses none. */
    public static String embeddedUrl(Path dataDir) {
        // async: H2's FileChannel store is closed by Thread.interrupt() (bots are interrupted when they
        // leave), which panics the whole database; the async file system is immune to interrupts.
        // QUERY_CACHE_SIZE=0: H2 plans a statement when it is prepared and reuses that plan for as long as the
        // pooled connection lives; a plan made while a table was empty can pick a useless index (an UPDATE by
        // primary key that scans every pending webhook), so each statement is planned on the data it meets.
        // CACHE_SIZE (KiB): H2's page cache is 16 MiB by default, smaller than the working set of a node with
        // thousands of bots, whose commits then read pages back from the file; 64 MiB of the heap instead.
        return "jdbc:h2:async:" + dataDir.resolve("signet").toAbsolutePath()
                + ";WRITE_DELAY=0;QUERY_CACHE_SIZE=0;CACHE_SIZE=65536;DB_CLOSE_ON_EXIT=FALSE";
    }

    /**
     * The secrets as they could appear in a log line, for the {@code LogGuard}: the API keys, the webhook secret with and
     * without its {@code whsec_} prefix, the SDK secret and {@code encryptionKey} (the configured or generated one).
     */
    List<String> secretsAsText(Secret encryptionKey) {
        List<String> secrets = new ArrayList<>();
        apiKeys.forEach(key -> secrets.add(key.reveal()));
        if (webhookSecret != null) {
            secrets.add(webhookSecret.encoded());
            secrets.add(webhookSecret.encoded().substring(WebhookSecret.PREFIX.length()));
        }
        secrets.add(sdk.secret().reveal());
        secrets.addAll(SecretBox.keyTexts(encryptionKey)); // each key of a rotation list on its own
        find(PlatformSettings.METRICS_TOKEN).ifPresent(token -> secrets.add(token.reveal()));
        return secrets;
    }

    /** Whether {@code databaseUrl} is an H2 database (the embedded default or a test's). */
    public static boolean usesEmbeddedDatabase(String databaseUrl) {
        return databaseUrl.startsWith("jdbc:h2:");
    }

    @Override
    public String toString() {
        return "PlatformConfig[host=" + host + ", port=" + port + ", apiKeys=" + apiKeys.size() + ", dataDir=" + dataDir
                + ", driver=" + driver + ", webhookUrls=" + webhookUrls.size() + "]";
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
