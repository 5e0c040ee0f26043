package dev.signet.app;

import dev.signet.broker.Broker;
import dev.signet.broker.BrokerConfig;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code signet broker}: runs the token broker behind {@code zak_url}. Every flag has a {@code SIGNET_*} environment
 * variable of the same meaning; a flag wins over its variable. Prefer the variables for secrets: flags show in
 * {@code ps}.
 */
@Command(
        name = "broker",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the token broker: GET /zoom/zak answers a Zoom ZAK as text/plain for a bot's zak_url;"
                    + " with a Zoom General app (--oauth-*), GET /zoom/obf answers OBF tokens of connected users.",
            "Each option can be given as the SIGNET_* environment variable named in its description;"
                    + " prefer the environment for secrets."
        },
        sortOptions = false)
public final class BrokerCommand implements Callable<Integer> {
    @CommandLine.Spec
    @SuppressWarnings("NullAway.Init")
    private CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--host",
            paramLabel = "ADDR",
            description = "Address to bind. Env SIGNET_BROKER_HOST, default 0.0.0.0.")
    private @Nullable String host;

    @Option(
            names = "--port",
            paramLabel = "PORT",
            description = "Port to listen on. Env SIGNET_BROKER_PORT, default 8081.")
    private @Nullable String port;

    @Option(
            names = "--zoom-account-id",
            paramLabel = "ID",
            description = "S2S OAuth account id. Env SIGNET_ZOOM_ACCOUNT_ID (required).")
    private @Nullable String accountId;

    @Option(
            names = "--zoom-client-id",
            paramLabel = "ID",
            description = "S2S OAuth client id. Env SIGNET_ZOOM_CLIENT_ID (required).")
    private @Nullable String clientId;

    @Option(
            names = "--zoom-client-secret",
            paramLabel = "SECRET",
            description = "S2S OAuth client secret. Env SIGNET_ZOOM_CLIENT_SECRET (required).")
    private @Nullable String clientSecret;

    @Option(
            names = "--zoom-oauth-url",
            paramLabel = "URL",
            description = "Zoom OAuth base. Env SIGNET_ZOOM_OAUTH_URL, default https://zoom.us.")
    private @Nullable String oauthUrl;

    @Option(
            names = "--zoom-api-url",
            paramLabel = "URL",
            description = "Zoom API base. Env SIGNET_ZOOM_API_URL, default https://api.zoom.us/v2.")
    private @Nullable String apiUrl;

    @Option(
            names = "--zak-users",
            paramLabel = "USERS",
            description =
                    "Comma-separated Zoom user ids or emails, in pool order. Env SIGNET_BROKER_ZAK_USERS (required).")
    private @Nullable String users;

    @Option(
            names = "--secrets",
            paramLabel = "SECRETS",
            description =
                    "Comma-separated query-string secrets (16+ chars; several for rotation). Env SIGNET_BROKER_SECRETS.")
    private @Nullable String secrets;

    @Option(
            names = "--webhook-secret",
            paramLabel = "WHSEC",
            description = "whsec_ secret of Standard Webhooks signed callbacks. Env SIGNET_BROKER_WEBHOOK_SECRET.")
    private @Nullable String webhookSecret;

    @Option(
            names = "--secret-param",
            paramLabel = "NAME",
            description = "Query parameter carrying the secret. Env SIGNET_BROKER_SECRET_PARAM, default token.")
    private @Nullable String secretParam;

    @Option(
            names = "--zak-ttl",
            paramLabel = "SECONDS",
            description = "ZAK life asked of Zoom. Env SIGNET_BROKER_ZAK_TTL, default 7200.")
    private @Nullable String ttl;

    @Option(
            names = "--zak-reuse",
            paramLabel = "SECONDS",
            description =
                    "How long a ZAK is handed out again; 0 = fresh ZAK per request. Env SIGNET_BROKER_ZAK_REUSE, default 300.")
    private @Nullable String reuse;

    @Option(
            names = "--zak-min-remaining",
            paramLabel = "SECONDS",
            description =
                    "Never hand out a ZAK with less life left. Env SIGNET_BROKER_ZAK_MIN_REMAINING, default 1800.")
    private @Nullable String minRemaining;

    @Option(
            names = "--pool",
            paramLabel = "MODE",
            description = "sticky or round-robin, for requests without ?user=. Env SIGNET_BROKER_POOL, default sticky.")
    private @Nullable String pool;

    @Option(
            names = "--user-cooldown",
            paramLabel = "SECONDS",
            description = "How long a user Zoom refused is set aside. Env SIGNET_BROKER_USER_COOLDOWN, default 600.")
    private @Nullable String cooldown;

    @Option(
            names = "--zoom-timeout-ms",
            paramLabel = "MILLIS",
            description = "How long a request waits for Zoom. Env SIGNET_BROKER_ZOOM_TIMEOUT_MS, default 10000.")
    private @Nullable String timeout;

    @Option(
            names = "--oauth-client-id",
            paramLabel = "ID",
            description =
                    "Zoom General (user-managed) app client id, for OBF tokens. Env SIGNET_BROKER_OAUTH_CLIENT_ID.")
    private @Nullable String oauthClientId;

    @Option(
            names = "--oauth-client-secret",
            paramLabel = "SECRET",
            description = "Zoom General app client secret. Env SIGNET_BROKER_OAUTH_CLIENT_SECRET.")
    private @Nullable String oauthClientSecret;

    @Option(
            names = "--oauth-redirect-url",
            paramLabel = "URL",
            description =
                    "The app's redirect URL: this broker's public /connect/callback. Env SIGNET_BROKER_OAUTH_REDIRECT_URL.")
    private @Nullable String oauthRedirectUrl;

    @Option(
            names = "--admin-secrets",
            paramLabel = "SECRETS",
            description =
                    "Comma-separated operator bearer secrets (16+ chars; required with OBF). Env SIGNET_BROKER_ADMIN_SECRETS.")
    private @Nullable String adminSecrets;

    @Option(
            names = "--zoom-webhook-secret-token",
            paramLabel = "TOKEN",
            description =
                    "The General app's event secret token (verifies app_deauthorized). Env SIGNET_BROKER_ZOOM_WEBHOOK_SECRET_TOKEN.")
    private @Nullable String zoomWebhookSecretToken;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description =
                    "Where the embedded grant database and a generated key live. Env SIGNET_BROKER_DATA_DIR, default ~/.signet/broker.")
    private @Nullable String dataDir;

    @Option(
            names = "--database-url",
            paramLabel = "JDBC",
            description =
                    "Grant database (PostgreSQL for more than one replica). Env SIGNET_BROKER_DATABASE_URL, default H2 in the data dir.")
    private @Nullable String databaseUrl;

    @Option(
            names = "--encryption-key",
            paramLabel = "BASE64",
            description =
                    "Key sealing stored grants (32 bytes, base64; required with --database-url). Env SIGNET_BROKER_ENCRYPTION_KEY.")
    private @Nullable String encryptionKey;

    @Option(
            names = "--grant-refresh-after-days",
            paramLabel = "DAYS",
            description =
                    "Refresh grants idle this long (Zoom's refresh tokens last 90 days). Env SIGNET_BROKER_GRANT_REFRESH_AFTER_DAYS, default 30.")
    private @Nullable String grantRefreshAfterDays;

    @Option(
            names = "--grant-check-interval",
            paramLabel = "SECONDS",
            description = "How often idle grants are looked for. Env SIGNET_BROKER_GRANT_CHECK_INTERVAL, default 3600.")
    private @Nullable String grantCheckInterval;

    @Option(
            names = "--connect-link-ttl",
            paramLabel = "SECONDS",
            description = "Default life of a signed connect link. Env SIGNET_BROKER_CONNECT_LINK_TTL, default 86400.")
    private @Nullable String connectLinkTtl;

    /** The broker's settings: the environment, overridden by the flags given. */
    Map<String, String> settings(Map<String, String> environment) {
        Map<String, @Nullable String> flags = new LinkedHashMap<>();
        flags.put("SIGNET_BROKER_HOST", host);
        flags.put("SIGNET_BROKER_PORT", port);
        flags.put("SIGNET_ZOOM_ACCOUNT_ID", accountId);
        flags.put("SIGNET_ZOOM_CLIENT_ID", clientId);
        flags.put("SIGNET_ZOOM_CLIENT_SECRET", clientSecret);
        flags.put("SIGNET_ZOOM_OAUTH_URL", oauthUrl);
        flags.put("SIGNET_ZOOM_API_URL", apiUrl);
        flags.put("SIGNET_BROKER_ZAK_USERS", users);
        flags.put("SIGNET_BROKER_SECRETS", secrets);
        flags.put("SIGNET_BROKER_WEBHOOK_SECRET", webhookSecret);
        flags.put("SIGNET_BROKER_SECRET_PARAM", secretParam);
        flags.put("SIGNET_BROKER_ZAK_TTL", ttl);
        flags.put("SIGNET_BROKER_ZAK_REUSE", reuse);
        flags.put("SIGNET_BROKER_ZAK_MIN_REMAINING", minRemaining);
        flags.put("SIGNET_BROKER_POOL", pool);
        flags.put("SIGNET_BROKER_USER_COOLDOWN", cooldown);
        flags.put("SIGNET_BROKER_ZOOM_TIMEOUT_MS", timeout);
        flags.put("SIGNET_BROKER_OAUTH_CLIENT_ID", oauthClientId);
        flags.put("SIGNET_BROKER_OAUTH_CLIENT_SECRET", oauthClientSecret);
        flags.put("SIGNET_BROKER_OAUTH_REDIRECT_URL", oauthRedirectUrl);
        flags.put("SIGNET_BROKER_ADMIN_SECRETS", adminSecrets);
        flags.put("SIGNET_BROKER_ZOOM_WEBHOOK_SECRET_TOKEN", zoomWebhookSecretToken);
        flags.put("SIGNET_BROKER_DATA_DIR", dataDir);
        flags.put("SIGNET_BROKER_DATABASE_URL", databaseUrl);
        flags.put("SIGNET_BROKER_ENCRYPTION_KEY", encryptionKey);
        flags.put("SIGNET_BROKER_GRANT_REFRESH_AFTER_DAYS", grantRefreshAfterDays);
        flags.put("SIGNET_BROKER_GRANT_CHECK_INTERVAL", grantCheckInterval);
        flags.put("SIGNET_BROKER_CONNECT_LINK_TTL", connectLinkTtl);
        return Foreground.settings(environment, flags);
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        return Foreground.run(
                "broker",
                out,
                spec.commandLine().getErr(),
                () -> {
                    BrokerConfig config = BrokerConfig.fromEnvironment(settings(System.getenv()));
                    return () -> Broker.start(config);
                },
                broker ->
                        out.println("signet broker: listening on " + broker.uri() + " (GET /zoom/zak, GET /zoom/obf)"));
    }
}
