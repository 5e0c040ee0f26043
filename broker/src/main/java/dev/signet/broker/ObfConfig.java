package dev.signet.broker;

import dev.signet.broker.db.Database;
import dev.signet.broker.db.EncryptionKey;
import dev.signet.secrets.Secret;
import dev.signet.zoom.oauth.UserOAuthApp;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The settings of the OBF side of the broker: the user OAuth app users connect to, the operators' admin secrets, Zoom's
 * event secret token, and the grant database. Absent (null in {@link BrokerConfig#obf()}) the broker serves ZAKs only.
 *
 * @param app the Zoom General app ({@code SIGNET_BROKER_OAUTH_CLIENT_ID}, {@code _CLIENT_SECRET}, {@code
 *     _REDIRECT_URL})
 * @param adminSecrets operators' bearer secrets ({@code SIGNET_BROKER_ADMIN_SECRETS}), several for rotation
 * @param zoomWebhookSecretToken the app's event secret token ({@code SIGNET_BROKER_ZOOM_WEBHOOK_SECRET_TOKEN}); null
 *     disables {@code POST /zoom/events}
 * @param dataDir where the embedded database and a generated key live ({@code SIGNET_BROKER_DATA_DIR})
 * @param databaseUrl JDBC URL of the grant database ({@code SIGNET_BROKER_DATABASE_URL}); default H2 under dataDir
 * @param encryptionKey base64 32-byte key sealing stored tokens ({@code SIGNET_BROKER_ENCRYPTION_KEY}); null
 *     generates a key file in dataDir (embedded database only)
 * @param grantRefreshAfter refresh grants idle this long ({@code SIGNET_BROKER_GRANT_REFRESH_AFTER_DAYS})
 * @param grantCheckInterval how often idle grants are looked for ({@code SIGNET_BROKER_GRANT_CHECK_INTERVAL})
 * @param connectLinkTtl default life of a signed connect link ({@code SIGNET_BROKER_CONNECT_LINK_TTL})
 */
public record ObfConfig(
        UserOAuthApp app,
        List<Secret> adminSecrets,
        @Nullable Secret zoomWebhookSecretToken,
        Path dataDir,
        String databaseUrl,
        @Nullable Secret encryptionKey,
        Duration grantRefreshAfter,
        Duration grantCheckInterval,
        Duration connectLinkTtl) {
    private static final int MIN_SECRET_LENGTH = 16;

    /** Every setting that only means something with the user OAuth app. */
    static final List<String> SETTINGS = List.of(
            "SIGNET_BROKER_OAUTH_CLIENT_ID",
            "SIGNET_BROKER_OAUTH_CLIENT_SECRET",
            "SIGNET_BROKER_OAUTH_REDIRECT_URL",
            "SIGNET_BROKER_ADMIN_SECRETS",
            "SIGNET_BROKER_ZOOM_WEBHOOK_SECRET_TOKEN",
            "SIGNET_BROKER_DATA_DIR",
            "SIGNET_BROKER_DATABASE_URL",
            "SIGNET_BROKER_ENCRYPTION_KEY",
            "SIGNET_BROKER_GRANT_REFRESH_AFTER_DAYS",
            "SIGNET_BROKER_GRANT_CHECK_INTERVAL",
            "SIGNET_BROKER_CONNECT_LINK_TTL");

    public ObfConfig {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(databaseUrl, "databaseUrl");
        adminSecrets = List.copyOf(adminSecrets);
        check(
                !adminSecrets.isEmpty(),
                "SIGNET_BROKER_ADMIN_SECRETS is required with the user OAuth app: operators need it to hand out"
                        + " connect links");
        for (Secret secret : adminSecrets) {
            check(
                    secret.reveal().length() >= MIN_SECRET_LENGTH
                            && secret.reveal().chars().noneMatch(Character::isWhitespace),
                    "SIGNET_BROKER_ADMIN_SECRETS: every secret must be at least 16 characters without spaces");
        }
        check(
                databaseUrl.startsWith("jdbc:"),
                "SIGNET_BROKER_DATABASE_URL must be a JDBC URL (jdbc:postgresql://… or jdbc:h2:…)");
        check(
                encryptionKey != null || Database.isEmbedded(databaseUrl),
                "SIGNET_BROKER_ENCRYPTION_KEY is required with SIGNET_BROKER_DATABASE_URL: every replica must seal"
                        + " grants with the same key");
        if (encryptionKey != null) {
            EncryptionKey.parse(encryptionKey, "SIGNET_BROKER_ENCRYPTION_KEY");
        }
        check(
                grantRefreshAfter.compareTo(Duration.ofDays(1)) >= 0
                        && grantRefreshAfter.compareTo(Duration.ofDays(80)) <= 0,
                "SIGNET_BROKER_GRANT_REFRESH_AFTER_DAYS must be between 1 and 80 (Zoom's refresh tokens last 90 days)");
        check(
                grantCheckInterval.toSeconds() >= 1 && grantCheckInterval.compareTo(Duration.ofDays(1)) <= 0,
                "SIGNET_BROKER_GRANT_CHECK_INTERVAL must be between 1 and 86400 seconds");
        check(
                connectLinkTtl.toSeconds() >= 60 && connectLinkTtl.compareTo(Duration.ofDays(30)) <= 0,
                "SIGNET_BROKER_CONNECT_LINK_TTL must be between 60 and 2592000 seconds");
    }

    /** The OBF settings, or null when the user OAuth app is not configured (and no other OBF setting is). */
    static @Nullable ObfConfig from(Settings s) {
        boolean any = SETTINGS.stream().anyMatch(name -> s.optional(name).isPresent());
        if (!any) {
            return null;
        }
        for (String name : List.of(
                "SIGNET_BROKER_OAUTH_CLIENT_ID",
                "SIGNET_BROKER_OAUTH_CLIENT_SECRET",
                "SIGNET_BROKER_OAUTH_REDIRECT_URL")) {
            if (s.optional(name).isEmpty()) {
                String given = SETTINGS.stream()
                        .filter(n -> s.optional(n).isPresent())
                        .findFirst()
                        .orElse("an OBF setting");
                throw new IllegalArgumentException(name + " is required for OBF tokens (" + given
                        + " is set); set SIGNET_BROKER_OAUTH_CLIENT_ID, _CLIENT_SECRET and _REDIRECT_URL together");
            }
        }
        String clientId = s.required("SIGNET_BROKER_OAUTH_CLIENT_ID");
        check(clientId.indexOf(':') < 0, "SIGNET_BROKER_OAUTH_CLIENT_ID must not contain ':'");
        URI redirect = URI.create(s.url("SIGNET_BROKER_OAUTH_REDIRECT_URL", ""));
        Path dataDir = Path.of(s.optional("SIGNET_BROKER_DATA_DIR")
                        .orElse(Path.of(System.getProperty("user.home"), ".signet", "broker")
                                .toString()))
                .toAbsolutePath();
        return new ObfConfig(
                new UserOAuthApp(clientId, new Secret(s.required("SIGNET_BROKER_OAUTH_CLIENT_SECRET")), redirect),
                s.list("SIGNET_BROKER_ADMIN_SECRETS").stream().map(Secret::new).toList(),
                s.optional("SIGNET_BROKER_ZOOM_WEBHOOK_SECRET_TOKEN")
                        .map(Secret::new)
                        .orElse(null),
                dataDir,
                s.optional("SIGNET_BROKER_DATABASE_URL").orElse(Database.embeddedUrl(dataDir)),
                s.optional("SIGNET_BROKER_ENCRYPTION_KEY").map(Secret::new).orElse(null),
                Duration.ofDays(s.integer("SIGNET_BROKER_GRANT_REFRESH_AFTER_DAYS", 30)),
                s.seconds("SIGNET_BROKER_GRANT_CHECK_INTERVAL", 3600),
                s.seconds("SIGNET_BROKER_CONNECT_LINK_TTL", 86_400));
    }

    /** The OBF secrets as they may appear in text (a Basic header holds the client secret in base64). */
    List<String> secretsAsText() {
        List<String> secrets = new ArrayList<>();
        secrets.add(app.clientSecret().reveal());
        secrets.add(app.basicCredentials().reveal());
        adminSecrets.forEach(s -> secrets.add(s.reveal()));
        if (zoomWebhookSecretToken != null) {
            secrets.add(zoomWebhookSecretToken.reveal());
        }
        if (encryptionKey != null) {
            secrets.add(encryptionKey.reveal());
        }
        return secrets;
    }

    /** The public address of {@code GET /connect}: the redirect URL's origin. */
    URI connectUri() {
        URI redirect = app.redirectUri();
        return URI.create(redirect.getScheme() + "://" + redirect.getRawAuthority() + "/connect");
    }

    /** The path Zoom redirects users back to. */
    String callbackPath() {
        String path = app.redirectUri().getRawPath();
        return path == null || path.isEmpty() ? "/" : path;
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    @Override
    public String toString() {
        return "ObfConfig[client " + app.clientId() + ", redirect " + app.redirectUri() + ", admin secrets "
                + adminSecrets.size() + ", events " + (zoomWebhookSecretToken != null) + ", dataDir " + dataDir
                + ", database " + (Database.isEmbedded(databaseUrl) ? "embedded" : "external") + "]";
    }
}
