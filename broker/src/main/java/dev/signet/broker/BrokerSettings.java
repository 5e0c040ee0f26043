package dev.signet.broker;

import static java.time.temporal.ChronoUnit.DAYS;
import static java.time.temporal.ChronoUnit.MILLIS;
import static java.time.temporal.ChronoUnit.SECONDS;

import dev.signet.broker.BrokerConfig.Pool;
import dev.signet.secrets.Secret;
import dev.signet.secrets.settings.Setting;
import dev.signet.secrets.settings.SettingType;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every setting of the broker, declared once: {@link BrokerConfig#fromEnvironment} reads them, {@code signet broker
 * --help} lists them and the table in {@code broker/README.md} is checked against them. A bare number in a duration
 * keeps the unit the setting had before units were accepted (seconds; milliseconds and days where the name says so).
 */
public final class BrokerSettings {
    private BrokerSettings() {}

    private static final SettingType<URI> BASE_URL = SettingType.url()
            .where(
                    u -> u.getRawQuery() == null && u.getRawFragment() == null && u.getRawUserInfo() == null,
                    "must not carry a query, fragment or user info");

    public static final Setting<String> ZOOM_ACCOUNT_ID = Setting.required(
            "SIGNET_ZOOM_ACCOUNT_ID", "--zoom-account-id", SettingType.text("ID"), "S2S OAuth app: account id");
    public static final Setting<String> ZOOM_CLIENT_ID = Setting.required(
            "SIGNET_ZOOM_CLIENT_ID", "--zoom-client-id", SettingType.text("ID"), "S2S OAuth app: client id");
    public static final Setting<Secret> ZOOM_CLIENT_SECRET = Setting.required(
            "SIGNET_ZOOM_CLIENT_SECRET",
            "--zoom-client-secret",
            SettingType.secret("SECRET"),
            "S2S OAuth app: client secret");
    public static final Setting<List<String>> ZAK_USERS = Setting.required(
            "SIGNET_BROKER_ZAK_USERS",
            "--zak-users",
            SettingType.list("USERS"),
            "comma-separated Zoom user ids or emails, in pool order");
    public static final Setting<List<Secret>> SECRETS = Setting.optional(
            "SIGNET_BROKER_SECRETS",
            "--secrets",
            SettingType.secrets("SECRETS"),
            "comma-separated query secrets (16+ characters each; several for rotation)");
    public static final Setting<Secret> WEBHOOK_SECRET = Setting.optional(
            "SIGNET_BROKER_WEBHOOK_SECRET",
            "--webhook-secret",
            SettingType.secret("WHSEC"),
            "`whsec_…` secret for signed callbacks (this or `SIGNET_BROKER_SECRETS` is required)");
    public static final Setting<String> SECRET_PARAM = Setting.of(
            "SIGNET_BROKER_SECRET_PARAM",
            "--secret-param",
            SettingType.text("NAME"),
            "token",
            "the query parameter carrying the secret");
    public static final Setting<String> HOST =
            Setting.of("SIGNET_BROKER_HOST", "--host", SettingType.text("ADDR"), "0.0.0.0", "bind address");
    public static final Setting<Integer> PORT = Setting.of(
            "SIGNET_BROKER_PORT", "--port", SettingType.integer("PORT", 0, 65_535), "8081", "port (0 = any free port)");
    public static final Setting<URI> ZOOM_OAUTH_URL = Setting.of(
            "SIGNET_ZOOM_OAUTH_URL",
            "--zoom-oauth-url",
            BASE_URL,
            "https://zoom.us",
            "OAuth base (`https://zoomgov.com` for ZoomGov, or the emulator)");
    public static final Setting<URI> ZOOM_API_URL = Setting.of(
            "SIGNET_ZOOM_API_URL",
            "--zoom-api-url",
            BASE_URL,
            "https://api.zoom.us/v2",
            "API base (`https://api.zoomgov.com/v2`, or the emulator)");
    public static final Setting<Duration> ZAK_TTL = Setting.of(
            "SIGNET_BROKER_ZAK_TTL",
            "--zak-ttl",
            SettingType.duration(SECONDS),
            "2h",
            "life asked of Zoom for each ZAK (60s to 365d; a bare number is seconds)");
    public static final Setting<Duration> ZAK_REUSE = Setting.of(
            "SIGNET_BROKER_ZAK_REUSE",
            "--zak-reuse",
            SettingType.duration(SECONDS),
            "5m",
            "how long a minted ZAK is handed out again; `0` = a fresh ZAK per request (a bare number is seconds)");
    public static final Setting<Duration> ZAK_MIN_REMAINING = Setting.of(
            "SIGNET_BROKER_ZAK_MIN_REMAINING",
            "--zak-min-remaining",
            SettingType.duration(SECONDS),
            "30m",
            "never hand out a ZAK with less life left (a bare number is seconds)");
    public static final Setting<Pool> POOL = Setting.of(
            "SIGNET_BROKER_POOL",
            "--pool",
            SettingType.of("MODE", Pool::parse),
            "sticky",
            "`sticky` (first healthy user) or `round-robin` (several bots in one meeting: one Zoom user cannot join"
                    + " a meeting twice)");
    public static final Setting<Duration> USER_COOLDOWN = Setting.of(
            "SIGNET_BROKER_USER_COOLDOWN",
            "--user-cooldown",
            SettingType.duration(SECONDS),
            "10m",
            "how long a user is set aside after Zoom refused it (404 / 1001, or another user-level 4xx; a bare number"
                    + " is seconds)");
    public static final Setting<Duration> ZOOM_TIMEOUT = Setting.of(
            "SIGNET_BROKER_ZOOM_TIMEOUT_MS",
            "--zoom-timeout-ms",
            SettingType.duration(MILLIS),
            "10s",
            "how long a request waits for Zoom (up to 2m; a bare number is milliseconds)");

    /** The settings of a broker that serves ZAKs. */
    public static final List<Setting<?>> ZAK = List.of(
            ZOOM_ACCOUNT_ID,
            ZOOM_CLIENT_ID,
            ZOOM_CLIENT_SECRET,
            ZAK_USERS,
            SECRETS,
            WEBHOOK_SECRET,
            SECRET_PARAM,
            HOST,
            PORT,
            ZOOM_OAUTH_URL,
            ZOOM_API_URL,
            ZAK_TTL,
            ZAK_REUSE,
            ZAK_MIN_REMAINING,
            POOL,
            USER_COOLDOWN,
            ZOOM_TIMEOUT);

    public static final Setting<String> OAUTH_CLIENT_ID = Setting.optional(
            "SIGNET_BROKER_OAUTH_CLIENT_ID",
            "--oauth-client-id",
            SettingType.text("ID").where(id -> id.indexOf(':') < 0, "must not contain ':'"),
            "General (user-managed) app: client id");
    public static final Setting<Secret> OAUTH_CLIENT_SECRET = Setting.optional(
            "SIGNET_BROKER_OAUTH_CLIENT_SECRET",
            "--oauth-client-secret",
            SettingType.secret("SECRET"),
            "General app: client secret");
    public static final Setting<URI> OAUTH_REDIRECT_URL = Setting.optional(
            "SIGNET_BROKER_OAUTH_REDIRECT_URL",
            "--oauth-redirect-url",
            BASE_URL,
            "the app's redirect URL: this broker's public callback, e.g. `https://broker.example.com/connect/callback`");
    public static final Setting<List<Secret>> ADMIN_SECRETS = Setting.optional(
            "SIGNET_BROKER_ADMIN_SECRETS",
            "--admin-secrets",
            SettingType.secrets("SECRETS"),
            "required with OBF",
            "comma-separated operator bearer secrets (16+ characters; several for rotation); also sign connect links");
    public static final Setting<Secret> ZOOM_WEBHOOK_SECRET_TOKEN = Setting.optional(
            "SIGNET_BROKER_ZOOM_WEBHOOK_SECRET_TOKEN",
            "--zoom-webhook-secret-token",
            SettingType.secret("TOKEN"),
            "the app's event Secret Token; without it `POST /zoom/events` answers 404");
    public static final Setting<Path> DATA_DIR = Setting.optional(
            "SIGNET_BROKER_DATA_DIR",
            "--data-dir",
            SettingType.path("DIR"),
            "`~/.signet/broker`",
            "the embedded database and the generated key file");
    public static final Setting<String> DATABASE_URL = Setting.optional(
            "SIGNET_BROKER_DATABASE_URL",
            "--database-url",
            SettingType.text("JDBC"),
            "H2 file in the data dir",
            "JDBC URL (`jdbc:postgresql://…`); required for more than one replica");
    public static final Setting<Secret> ENCRYPTION_KEY = Setting.optional(
            "SIGNET_BROKER_ENCRYPTION_KEY",
            "--encryption-key",
            SettingType.secret("BASE64"),
            "generated key file",
            "base64 of 32 random bytes (`openssl rand -base64 32`); required with `SIGNET_BROKER_DATABASE_URL`");
    public static final Setting<Duration> GRANT_REFRESH_AFTER = Setting.of(
            "SIGNET_BROKER_GRANT_REFRESH_AFTER_DAYS",
            "--grant-refresh-after-days",
            SettingType.duration(DAYS),
            "30d",
            "refresh grants idle this long (1 to 80 days; a bare number is days)");
    public static final Setting<Duration> GRANT_CHECK_INTERVAL = Setting.of(
            "SIGNET_BROKER_GRANT_CHECK_INTERVAL",
            "--grant-check-interval",
            SettingType.duration(SECONDS),
            "1h",
            "how often idle grants are looked for (1s to 24h; a bare number is seconds)");
    public static final Setting<Duration> CONNECT_LINK_TTL = Setting.of(
            "SIGNET_BROKER_CONNECT_LINK_TTL",
            "--connect-link-ttl",
            SettingType.duration(SECONDS),
            "24h",
            "default life of a connect link (60s to 30d; a bare number is seconds)");

    /** The settings of the OBF side ({@link ObfConfig}); set the three {@code OAUTH} ones together to enable it. */
    public static final List<Setting<?>> OBF = List.of(
            OAUTH_CLIENT_ID,
            OAUTH_CLIENT_SECRET,
            OAUTH_REDIRECT_URL,
            ADMIN_SECRETS,
            ZOOM_WEBHOOK_SECRET_TOKEN,
            DATA_DIR,
            DATABASE_URL,
            ENCRYPTION_KEY,
            GRANT_REFRESH_AFTER,
            GRANT_CHECK_INTERVAL,
            CONNECT_LINK_TTL);

    /** Every setting, in the order of {@code --help}. */
    public static final List<Setting<?>> ALL =
            Stream.concat(ZAK.stream(), OBF.stream()).toList();
}
