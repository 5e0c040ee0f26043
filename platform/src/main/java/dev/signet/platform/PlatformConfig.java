package dev.signet.platform;

import dev.signet.platform.crypto.SecretBox;
import dev.signet.platform.driver.websdk.WebSdkConfig;
import dev.signet.platform.driver.websdk.WebSdkSettings;
import dev.signet.platform.runtime.RuntimeSettings;
import dev.signet.platform.webhook.WebhookSettings;
import dev.signet.secrets.Secret;
import dev.signet.webhooks.WebhookSecret;
import dev.signet.zoom.sdk.SdkCredentials;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The platform's configuration, read from {@code SIGNET_*} environment variables.
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
        @Nullable WebSdkSettings websdk) {
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
        check(
                obfRetryInterval.compareTo(Duration.ofMillis(100)) >= 0,
                "SIGNET_OBF_RETRY_INTERVAL must be at least 100ms (each retry mints an OBF token)");
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

    /** Reads the configuration; throws {@link IllegalArgumentException} with one line naming the bad variable. */
    public static PlatformConfig fromEnvironment(Map<String, String> env) {
        Env e = new Env(env);
        Path dataDir = Path.of(e.text(
                        "SIGNET_DATA_DIR",
                        Path.of(System.getProperty("user.home"), ".signet").toString()))
                .toAbsolutePath();
        String databaseUrl = e.text("SIGNET_DATABASE_URL", embeddedUrl(dataDir));
        check(
                databaseUrl.startsWith("jdbc:"),
                "SIGNET_DATABASE_URL must be a JDBC URL (jdbc:postgresql://… or jdbc:h2:…)");
        String secretText = e.optional("SIGNET_WEBHOOK_SECRET");
        WebhookSecret secret = null;
        if (secretText != null) {
            try {
                secret = WebhookSecret.parse(secretText);
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("SIGNET_WEBHOOK_SECRET: " + ex.getMessage(), ex);
            }
        }
        String sdkKey = e.optional("SIGNET_ZOOM_SDK_KEY");
        String sdkSecret = e.optional("SIGNET_ZOOM_SDK_SECRET");
        check(
                sdkKey != null && sdkSecret != null,
                "SIGNET_ZOOM_SDK_KEY and SIGNET_ZOOM_SDK_SECRET are required (the Meeting SDK app)");
        String encryptionKey = e.optional("SIGNET_ENCRYPTION_KEY");
        if (encryptionKey != null) {
            try {
                SecretBox.of(Secret.of(encryptionKey), new SecureRandom());
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("SIGNET_ENCRYPTION_KEY: " + ex.getMessage(), ex);
            }
        }
        Driver driver = driver(e.text("SIGNET_DRIVER", "emulator"));
        return new PlatformConfig(
                e.text("SIGNET_PLATFORM_HOST", "0.0.0.0"),
                e.integer("SIGNET_PLATFORM_PORT", DEFAULT_PORT),
                e.list("SIGNET_API_KEYS").stream().map(Secret::of).toList(),
                dataDir,
                databaseUrl,
                e.list("SIGNET_WEBHOOK_URLS").stream()
                        .map(u -> httpUri("SIGNET_WEBHOOK_URLS", u))
                        .toList(),
                secret,
                e.durations("SIGNET_WEBHOOK_BACKOFF", DEFAULT_BACKOFF),
                e.duration("SIGNET_WEBHOOK_TIMEOUT", WebhookSettings.DEFAULT_TIMEOUT),
                driver,
                e.optional("SIGNET_EMULATOR_URL") == null
                        ? null
                        : httpUri("SIGNET_EMULATOR_URL", e.text("SIGNET_EMULATOR_URL", "")),
                e.bool("SIGNET_ALLOW_LOOPBACK_TOKEN_URLS"),
                encryptionKey == null ? null : Secret.of(encryptionKey),
                e.duration("SIGNET_OBF_RETRY_INTERVAL", RuntimeSettings.DEFAULT_OBF_RETRY_INTERVAL),
                new SdkCredentials(Objects.requireNonNull(sdkKey), Secret.of(Objects.requireNonNull(sdkSecret))),
                driver == Driver.WEBSDK ? WebSdkConfig.fromEnvironment(env) : null);
    }

    /** CONTRACTS.md §2: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h. */
    public static final List<Duration> DEFAULT_BACKOFF = WebhookSettings.DEFAULT_BACKOFF;

    /** The embedded H2 database under {@code dataDir}; each commit is written at once so {@code kill -9} loses none. */
    public static String embeddedUrl(Path dataDir) {
        // async: H2's FileChannel store is closed by Thread.interrupt() (bots are interrupted when they
        // leave), which panics the whole database; the async file system is immune to interrupts.
        return "jdbc:h2:async:" + dataDir.resolve("signet").toAbsolutePath() + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
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
        secrets.add(encryptionKey.reveal());
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

    private static Driver driver(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "emulator" -> Driver.EMULATOR;
            case "websdk" -> Driver.WEBSDK;
            default -> throw new IllegalArgumentException("SIGNET_DRIVER must be emulator or websdk");
        };
    }

    private static URI httpUri(String name, String text) {
        try {
            URI uri = new URI(text.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            check(
                    (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null,
                    name + " must hold http(s) URLs");
            return uri;
        } catch (URISyntaxException ex) {
            throw new IllegalArgumentException(name + " holds a malformed URL", ex);
        }
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** Typed reads of the environment; each failure names its variable. */
    private record Env(Map<String, String> env) {
        private static final Pattern DURATION = Pattern.compile("([0-9]+)(ms|s|m|h)");

        @Nullable
        String optional(String name) {
            String value = env.get(name);
            return value == null || value.isBlank() ? null : value.strip();
        }

        String text(String name, String fallback) {
            String value = optional(name);
            return value == null ? fallback : value;
        }

        int integer(String name, int fallback) {
            String value = optional(name);
            if (value == null) {
                return fallback;
            }
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException(name + " must be a whole number", ex);
            }
        }

        boolean bool(String name) {
            String value = optional(name);
            if (value == null) {
                return false;
            }
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "1", "true", "yes" -> true;
                case "0", "false", "no" -> false;
                default -> throw new IllegalArgumentException(name + " must be true or false");
            };
        }

        List<String> list(String name) {
            String value = optional(name);
            List<String> out = new ArrayList<>();
            if (value != null) {
                for (String part : value.split(",", -1)) {
                    if (!part.isBlank()) {
                        out.add(part.strip());
                    }
                }
            }
            return out;
        }

        Duration duration(String name, Duration fallback) {
            String value = optional(name);
            return value == null ? fallback : parseDuration(name, value);
        }

        List<Duration> durations(String name, List<Duration> fallback) {
            List<String> parts = list(name);
            return parts.isEmpty()
                    ? fallback
                    : parts.stream().map(p -> parseDuration(name, p)).toList();
        }

        private static Duration parseDuration(String name, String text) {
            Matcher m = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
            if (!m.matches()) {
                throw new IllegalArgumentException(name + " must hold durations like 500ms, 5s, 5m or 2h");
            }
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            };
        }
    }
}
