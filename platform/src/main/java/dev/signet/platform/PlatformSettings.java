package dev.signet.platform;

import static java.time.temporal.ChronoUnit.SECONDS;

import dev.signet.platform.PlatformConfig.Driver;
import dev.signet.platform.api.RateLimit;
import dev.signet.platform.driver.websdk.WebSdkConfig;
import dev.signet.secrets.Secret;
import dev.signet.secrets.settings.Setting;
import dev.signet.secrets.settings.SettingType;
import dev.signet.webhooks.WebhookSecret;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every setting of the platform, declared once: {@link PlatformConfig#fromEnvironment} reads them, {@code signet
 * platform --help} lists them and the table in {@code platform/README.md} is checked against them. To add one, declare
 * it here, list it in {@link #CORE}, and read it where {@link Platform} wires its feature: {@code config.get(X)}.
 */
public final class PlatformSettings {
    private PlatformSettings() {}

    public static final Setting<String> HOST = Setting.of(
            "SIGNET_PLATFORM_HOST", "--host", SettingType.text("ADDR"), "0.0.0.0", "the address the API listens on");
    public static final Setting<Integer> PORT = Setting.of(
            "SIGNET_PLATFORM_PORT",
            "--port",
            SettingType.integer("PORT", 0, 65_535),
            String.valueOf(PlatformConfig.DEFAULT_PORT),
            "the API port (`0` = any free port)");
    public static final Setting<List<Secret>> API_KEYS = Setting.required(
            "SIGNET_API_KEYS",
            "--api-keys",
            SettingType.secrets("KEYS"),
            "comma-separated API keys; kept only as SHA-256 hashes, compared in constant time");
    public static final Setting<Path> DATA_DIR = Setting.optional(
            "SIGNET_DATA_DIR",
            "--data",
            SettingType.path("DIR"),
            "`~/.signet`",
            "the embedded database (and a generated encryption key) live here");
    public static final Setting<String> DATABASE_URL = Setting.optional(
            "SIGNET_DATABASE_URL",
            "--database-url",
            SettingType.text("JDBC").where(u -> u.startsWith("jdbc:"), "must be a JDBC URL (jdbc:postgresql://…)"),
            "H2 file `<data>/signet`",
            "JDBC URL, e.g. `jdbc:postgresql://db:5432/signet?user=signet`");
    public static final Setting<Integer> DATABASE_POOL_SIZE = Setting.of(
            "SIGNET_DATABASE_POOL_SIZE",
            "--database-pool-size",
            SettingType.integer("N", 2, 1_000),
            "20",
            "the most database connections this node opens; with many nodes keep their sum under PostgreSQL's"
                    + " `max_connections` (running bots share them through one batched write path)");
    public static final Setting<Integer> DATABASE_WRITERS = Setting.of(
            "SIGNET_DATABASE_WRITERS",
            "--database-writers",
            SettingType.integer("N", 1, 64),
            "1",
            "connections the running bots' batched write path uses at once (each bot always writes through the same"
                    + " one, in order); more help a PostgreSQL with cores to spare (docs/benchmarks.md); at most half"
                    + " of `SIGNET_DATABASE_POOL_SIZE`");
    public static final Setting<Secret> ENCRYPTION_KEY = Setting.optional(
            "SIGNET_ENCRYPTION_KEY",
            "--encryption-key",
            SettingType.secret("BASE64"),
            "generated once into `<data>/encryption.key`",
            "base64 of 32 random bytes (AES-256-GCM for stored token URLs); required with PostgreSQL");
    public static final Setting<List<URI>> WEBHOOK_URLS = Setting.optional(
            "SIGNET_WEBHOOK_URLS",
            "--webhook-urls",
            SettingType.urls(),
            "status-change webhook receivers, comma-separated");
    public static final Setting<WebhookSecret> WEBHOOK_SECRET = Setting.optional(
            "SIGNET_WEBHOOK_SECRET",
            "--webhook-secret",
            SettingType.of("WHSEC", PlatformSettings::webhookSecret),
            "the `whsec_` secret signing webhooks and `zak_url` callbacks; required with `SIGNET_WEBHOOK_URLS`");
    public static final Setting<List<Duration>> WEBHOOK_BACKOFF = Setting.of(
            "SIGNET_WEBHOOK_BACKOFF",
            "--webhook-backoff",
            SettingType.durations(SECONDS),
            "5s,5m,30m,2h,5h,10h,10h",
            "waits between webhook retries; a delivery fails after the last (a bare number is seconds)");
    public static final Setting<Duration> WEBHOOK_TIMEOUT = Setting.of(
            "SIGNET_WEBHOOK_TIMEOUT",
            "--webhook-timeout",
            SettingType.duration(SECONDS),
            "15s",
            "how long a webhook receiver has to answer (a bare number is seconds)");
    public static final Setting<Driver> DRIVER = Setting.of(
            "SIGNET_DRIVER",
            "--driver",
            SettingType.of("DRIVER", text -> switch (text.toLowerCase(Locale.ROOT)) {
                case "emulator" -> Driver.EMULATOR;
                case "websdk" -> Driver.WEBSDK;
                default -> throw new IllegalArgumentException("must be emulator or websdk");
            }),
            "emulator",
            "`emulator` or `websdk` (Chromium with Zoom's Meeting SDK, see docs/real-zoom.md)");
    public static final Setting<URI> EMULATOR_URL = Setting.optional(
            "SIGNET_EMULATOR_URL",
            "--emulator-url",
            SettingType.url(),
            "required with the emulator driver",
            "the emulator's base URL, for the `emulator` driver");
    public static final Setting<Boolean> ALLOW_LOOPBACK_TOKEN_URLS = Setting.of(
            "SIGNET_ALLOW_LOOPBACK_TOKEN_URLS",
            "--allow-loopback-token-urls",
            SettingType.bool(),
            "false",
            "accept `http://127.0.0.1…`/`localhost` token URLs (development, tests)");
    public static final Setting<String> ZOOM_SDK_KEY = Setting.required(
            "SIGNET_ZOOM_SDK_KEY",
            "--zoom-sdk-key",
            SettingType.text("KEY"),
            "the Meeting SDK app whose signatures bots present: its key");
    public static final Setting<Secret> ZOOM_SDK_SECRET = Setting.required(
            "SIGNET_ZOOM_SDK_SECRET",
            "--zoom-sdk-secret",
            SettingType.secret("SECRET"),
            "the Meeting SDK app's secret");
    public static final Setting<Duration> OBF_RETRY_INTERVAL = Setting.of(
            "SIGNET_OBF_RETRY_INTERVAL",
            "--obf-retry-interval",
            SettingType.duration(SECONDS).where(d -> d.toMillis() >= 100, "must be at least 100ms"),
            "10s",
            "how often a bot waiting for its OBF user retries with a fresh OBF token (each retry mints a token; at"
                    + " Zoom it may notify the host; a bare number is seconds)");
    public static final Setting<Optional<RateLimit>> API_RATE_LIMIT = Setting.of(
            "SIGNET_API_RATE_LIMIT",
            "--api-rate-limit",
            SettingType.of(
                    "RATE[:BURST]",
                    text -> text.strip().equalsIgnoreCase("off")
                            ? Optional.empty()
                            : Optional.of(RateLimit.parse(text))),
            "off",
            "requests a second each API key may send, with an optional burst (`100:500`); over it, 429 with"
                    + " `Retry-After`; counted per node");

    public static final Setting<String> NODE_ID = Setting.optional(
            "SIGNET_NODE_ID",
            "--node-id",
            SettingType.text("ID")
                    .where(id -> id.matches("[A-Za-z0-9._-]{1,128}"), "must be 1-128 of A-Z a-z 0-9 . _ -"),
            "`$HOSTNAME-<random>`",
            "this node's id among platform nodes sharing one PostgreSQL; unique per running process");
    public static final Setting<Integer> NODE_CAPACITY = Setting.optional(
            "SIGNET_NODE_CAPACITY",
            "--node-capacity",
            SettingType.integer("BOTS", 1, 1_000_000),
            "emulator driver: no limit; websdk: one bot per 500 MiB above 1 GiB of memory",
            "the most bots this node runs at once; when every node is full, due bots wait (`ready` /"
                    + " `waiting_for_capacity`)");
    public static final Setting<Duration> NODE_LEASE = Setting.of(
            "SIGNET_NODE_LEASE",
            "--node-lease",
            SettingType.duration(SECONDS).where(d -> d.toMillis() >= 2000, "must be at least 2s"),
            "20s",
            "how long a node's lease lasts without a heartbeat; then other nodes take its bots over (keep it at least"
                    + " as long as Zoom takes to drop a participant whose connection is gone)");

    public static final Setting<Integer> WEBHOOK_CONCURRENCY = Setting.of(
            "SIGNET_WEBHOOK_CONCURRENCY",
            "--webhook-concurrency",
            SettingType.integer("N", 1, 1_000),
            "16",
            "the most webhook attempts in flight to one endpoint from this node; a slow receiver's backlog waits"
                    + " in the database instead of opening more connections");
    public static final Setting<Duration> RETENTION = Setting.of(
            "SIGNET_RETENTION",
            "--retention",
            SettingType.duration(SECONDS),
            "30d",
            "finished bots (with their history and participants) and delivered webhooks older than this are"
                    + " deleted in small batches; `0` keeps everything (a bare number is seconds)");
    public static final Setting<Secret> METRICS_TOKEN = Setting.optional(
            "SIGNET_METRICS_TOKEN",
            "--metrics-token",
            SettingType.secret("TOKEN"),
            "none: `/metrics` is open",
            "when set, `/metrics` answers only `Authorization: Bearer <token>` (`/healthz` and `/readyz` stay open)");

    public static final Setting<Boolean> DASHBOARD = Setting.of(
            "SIGNET_DASHBOARD",
            "--dashboard",
            SettingType.bool(),
            "true",
            "serve the dashboard at `/` on the API's port (sign in with an API key; decision 0021)");
    public static final Setting<Duration> DASHBOARD_SESSION_LIFETIME = Setting.of(
            "SIGNET_DASHBOARD_SESSION_LIFETIME",
            "--dashboard-session-lifetime",
            SettingType.duration(SECONDS).where(d -> d.toSeconds() >= 60, "must be at least 1m"),
            "12h",
            "how long a dashboard sign-in lasts (a bare number is seconds)");
    public static final Setting<Boolean> DASHBOARD_TRUST_FORWARDED_PROTO = Setting.of(
            "SIGNET_DASHBOARD_TRUST_FORWARDED_PROTO",
            "--dashboard-trust-forwarded-proto",
            SettingType.bool(),
            "false",
            "treat `X-Forwarded-Proto: https` as https (dashboard cookies get `Secure`); only behind a proxy that"
                    + " sets it; otherwise the request's own scheme decides");

    /** The platform's own settings (the table in {@code platform/README.md}). */
    public static final List<Setting<?>> CORE = List.of(
            HOST,
            PORT,
            API_KEYS,
            DATA_DIR,
            DATABASE_URL,
            DATABASE_POOL_SIZE,
            DATABASE_WRITERS,
            ENCRYPTION_KEY,
            WEBHOOK_URLS,
            WEBHOOK_SECRET,
            WEBHOOK_BACKOFF,
            WEBHOOK_TIMEOUT,
            WEBHOOK_CONCURRENCY,
            DRIVER,
            EMULATOR_URL,
            ALLOW_LOOPBACK_TOKEN_URLS,
            ZOOM_SDK_KEY,
            ZOOM_SDK_SECRET,
            DASHBOARD,
            DASHBOARD_SESSION_LIFETIME,
            DASHBOARD_TRUST_FORWARDED_PROTO,
            OBF_RETRY_INTERVAL,
            API_RATE_LIMIT,
            RETENTION,
            METRICS_TOKEN,
            NODE_ID,
            NODE_CAPACITY,
            NODE_LEASE);

    /** Every setting, the {@code websdk} driver's included ({@code docs/real-zoom.md}), in the order of help. */
    public static final List<Setting<?>> ALL =
            Stream.concat(CORE.stream(), WebSdkConfig.SETTINGS.stream()).toList();

    @SuppressWarnings("UnusedException") // the parser's message might quote the secret
    private static WebhookSecret webhookSecret(String text) {
        try {
            return WebhookSecret.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("must be a whsec_ secret (whsec_ followed by a base64 key)");
        }
    }
}
