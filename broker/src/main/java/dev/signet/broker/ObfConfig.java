package dev.signet.broker;

import dev.signet.broker.db.Database;
import dev.signet.broker.db.EncryptionKey;
import dev.signet.secrets.Secret;
import dev.signet.secrets.settings.Setting;
import dev.signet.secrets.settings.SettingValues;
import dev.signet.zoom.oauth.UserOAuthApp;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
    static @Nullable ObfConfig from(SettingValues s) {
        Optional<Setting<?>> given =
                BrokerSettings.OBF.stream().filter(s::isSet).findFirst();
        if (given.isEmpty()) {
            return null;
        }
        for (Setting<?> needed : List.of(
                BrokerSettings.OAUTH_CLIENT_ID,
                BrokerSettings.OAUTH_CLIENT_SECRET,
                BrokerSettings.OAUTH_REDIRECT_URL)) {
            if (!s.isSet(needed)) {
                throw new IllegalArgumentException(needed.env() + " is required for OBF tokens ("
                        + given.get().env()
                        + " is set); set SIGNET_BROKER_OAUTH_CLIENT_ID, _CLIENT_SECRET and _REDIRECT_URL together");
            }
        }
        Path dataDir = s.find(BrokerSettings.DATA_DIR)
                .orElse(Path.of(System.getProperty("user.home"), ".signet", "broker"))
                .toAbsolutePath();
        return new ObfConfig(
                new UserOAuthApp(
                        s.get(BrokerSettings.OAUTH_CLIENT_ID),
                        s.get(BrokerSettings.OAUTH_CLIENT_SECRET),
                        s.get(BrokerSettings.OAUTH_REDIRECT_URL)),
                s.find(BrokerSettings.ADMIN_SECRETS).orElse(List.of()),
                s.find(BrokerSettings.ZOOM_WEBHOOK_SECRET_TOKEN).orElse(null),
                dataDir,
                s.find(BrokerSettings.DATABASE_URL).orElse(Database.embeddedUrl(dataDir)),
                s.find(BrokerSettings.ENCRYPTION_KEY).orElse(null),
                s.get(BrokerSettings.GRANT_REFRESH_AFTER),
                s.get(BrokerSettings.GRANT_CHECK_INTERVAL),
                s.get(BrokerSettings.CONNECT_LINK_TTL));
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
