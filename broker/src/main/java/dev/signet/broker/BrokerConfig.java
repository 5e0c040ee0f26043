package dev.signet.broker;

import dev.signet.secrets.Secret;
import dev.signet.secrets.settings.SettingValues;
import dev.signet.webhooks.WebhookSecret;
import dev.signet.zoom.ZoomEndpoints;
import dev.signet.zoom.oauth.S2sCredentials;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The broker's configuration: where it listens, how it reaches Zoom, whom it mints ZAKs for, how callbacks authenticate
 * and the ZAK reuse policy.
 *
 * <p>Every invalid value throws an {@link IllegalArgumentException} whose message is one line naming the
 * {@code SIGNET_*} setting, so start-up can print it and stop. Secrets are {@link Secret}s and never appear in
 * {@link #toString()} or in a message.
 *
 * @param host address to bind ({@code SIGNET_BROKER_HOST})
 * @param port port to listen on, 0 for any free port ({@code SIGNET_BROKER_PORT})
 * @param zoomEndpoints Zoom's OAuth and API bases ({@code SIGNET_ZOOM_OAUTH_URL}, {@code SIGNET_ZOOM_API_URL})
 * @param credentials the Server-to-Server OAuth app ({@code SIGNET_ZOOM_ACCOUNT_ID}, {@code _CLIENT_ID},
 *     {@code _CLIENT_SECRET})
 * @param zakUsers Zoom user ids or emails to mint ZAKs for, in pool order ({@code SIGNET_BROKER_ZAK_USERS})
 * @param querySecrets secrets accepted in the query string, several at once for rotation ({@code SIGNET_BROKER_SECRETS})
 * @param webhookSecret the {@code whsec_} secret of signed callbacks, or null ({@code SIGNET_BROKER_WEBHOOK_SECRET})
 * @param secretParam name of the query parameter carrying the secret ({@code SIGNET_BROKER_SECRET_PARAM})
 * @param zakTtl life asked of Zoom for each ZAK ({@code SIGNET_BROKER_ZAK_TTL})
 * @param zakReuse how long a minted ZAK is handed out again; zero mints for every request ({@code
 *     SIGNET_BROKER_ZAK_REUSE})
 * @param zakMinRemaining a ZAK with less life left is never handed out ({@code SIGNET_BROKER_ZAK_MIN_REMAINING})
 * @param pool how requests without {@code ?user=} pick a user ({@code SIGNET_BROKER_POOL})
 * @param userCooldown how long a user Zoom refused is set aside ({@code SIGNET_BROKER_USER_COOLDOWN})
 * @param zoomTimeout how long a request waits for Zoom ({@code SIGNET_BROKER_ZOOM_TIMEOUT_MS})
 * @param obf the OBF side (user OAuth app, grant database); null serves ZAKs only and answers {@code /zoom/obf} with
 *     503 {@code obf_not_configured}
 */
public record BrokerConfig(
        String host,
        int port,
        ZoomEndpoints zoomEndpoints,
        S2sCredentials credentials,
        List<String> zakUsers,
        List<Secret> querySecrets,
        @Nullable Secret webhookSecret,
        String secretParam,
        Duration zakTtl,
        Duration zakReuse,
        Duration zakMinRemaining,
        Pool pool,
        Duration userCooldown,
        Duration zoomTimeout,
        @Nullable ObfConfig obf) {

    /** How requests that name no user pick one from {@link #zakUsers()}. */
    public enum Pool {
        /** The first healthy user in configured order, failing over to the next. */
        STICKY,
        /** Each request starts one user further along, so several bots can join one meeting. */
        ROUND_ROBIN;

        /** Parses {@code sticky} or {@code round-robin}; the error is a rule to follow the setting's name. */
        public static Pool parse(String value) {
            return switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "sticky" -> STICKY;
                case "round-robin", "round_robin", "roundrobin" -> ROUND_ROBIN;
                default -> throw new IllegalArgumentException("must be sticky or round-robin");
            };
        }
    }

    /** Longest ZAK life Zoom grants. */
    public static final Duration MAX_TTL = Duration.ofDays(365);

    private static final Pattern USER = Pattern.compile("[A-Za-z0-9._%+@-]{1,128}");
    private static final Pattern PARAM = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final int MIN_SECRET_LENGTH = 16;

    /** Validates every setting; see the class comment for the messages. */
    public BrokerConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(zoomEndpoints, "zoomEndpoints");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(pool, "pool");
        check(!host.isBlank(), "SIGNET_BROKER_HOST must not be blank");
        check(port >= 0 && port <= 65_535, "SIGNET_BROKER_PORT must be between 0 and 65535");
        check(!credentials.accountId().isBlank(), "SIGNET_ZOOM_ACCOUNT_ID must not be blank");
        check(!credentials.clientId().isBlank(), "SIGNET_ZOOM_CLIENT_ID must not be blank");
        check(!credentials.clientSecret().reveal().isBlank(), "SIGNET_ZOOM_CLIENT_SECRET must not be blank");
        zakUsers = List.copyOf(zakUsers);
        check(!zakUsers.isEmpty(), "SIGNET_BROKER_ZAK_USERS must name at least one Zoom user id or email");
        Set<String> seen = new HashSet<>();
        for (String user : zakUsers) {
            check(
                    USER.matcher(user).matches(),
                    "SIGNET_BROKER_ZAK_USERS must be comma-separated Zoom user ids or emails");
            check(seen.add(user.toLowerCase(Locale.ROOT)), "SIGNET_BROKER_ZAK_USERS names a user twice: " + user);
        }
        querySecrets = List.copyOf(querySecrets);
        for (Secret secret : querySecrets) {
            check(
                    secret.reveal().length() >= MIN_SECRET_LENGTH
                            && secret.reveal().chars().noneMatch(Character::isWhitespace),
                    "SIGNET_BROKER_SECRETS: every secret must be at least 16 characters without spaces");
        }
        check(
                !querySecrets.isEmpty() || webhookSecret != null,
                "SIGNET_BROKER_SECRETS or SIGNET_BROKER_WEBHOOK_SECRET must be set, or every caller would be refused");
        if (webhookSecret != null) {
            requireWebhookSecret(webhookSecret);
        }
        check(PARAM.matcher(secretParam).matches(), "SIGNET_BROKER_SECRET_PARAM must be a plain query parameter name");
        check(!secretParam.equals("user"), "SIGNET_BROKER_SECRET_PARAM must not be 'user', which selects the user");
        check(
                zakTtl.compareTo(Duration.ofSeconds(60)) >= 0 && zakTtl.compareTo(MAX_TTL) <= 0,
                "SIGNET_BROKER_ZAK_TTL must be between 60 and 31536000 seconds");
        check(!zakReuse.isNegative(), "SIGNET_BROKER_ZAK_REUSE must not be negative");
        check(
                !zakMinRemaining.isNegative() && zakMinRemaining.compareTo(zakTtl) < 0,
                "SIGNET_BROKER_ZAK_MIN_REMAINING must be at least 0 and less than SIGNET_BROKER_ZAK_TTL");
        check(
                zakReuse.plus(zakMinRemaining).compareTo(zakTtl) <= 0,
                "SIGNET_BROKER_ZAK_REUSE plus SIGNET_BROKER_ZAK_MIN_REMAINING must not exceed SIGNET_BROKER_ZAK_TTL");
        check(!userCooldown.isNegative(), "SIGNET_BROKER_USER_COOLDOWN must not be negative");
        check(
                zoomTimeout.toMillis() >= 1 && zoomTimeout.compareTo(Duration.ofMinutes(2)) <= 0,
                "SIGNET_BROKER_ZOOM_TIMEOUT_MS must be between 1 and 120000");
    }

    /**
     * Reads the configuration from environment variables (or any map using their names; {@link BrokerSettings}):
     * unset and blank values take their defaults.
     *
     * @throws IllegalArgumentException naming the first missing or malformed setting
     */
    public static BrokerConfig fromEnvironment(Map<String, String> env) {
        SettingValues s = SettingValues.read(BrokerSettings.ALL, env);
        return new BrokerConfig(
                s.get(BrokerSettings.HOST),
                s.get(BrokerSettings.PORT),
                new ZoomEndpoints(s.get(BrokerSettings.ZOOM_OAUTH_URL), s.get(BrokerSettings.ZOOM_API_URL)),
                new S2sCredentials(
                        s.get(BrokerSettings.ZOOM_ACCOUNT_ID),
                        s.get(BrokerSettings.ZOOM_CLIENT_ID),
                        s.get(BrokerSettings.ZOOM_CLIENT_SECRET)),
                s.get(BrokerSettings.ZAK_USERS),
                s.find(BrokerSettings.SECRETS).orElse(List.of()),
                s.find(BrokerSettings.WEBHOOK_SECRET).orElse(null),
                s.get(BrokerSettings.SECRET_PARAM),
                s.get(BrokerSettings.ZAK_TTL),
                s.get(BrokerSettings.ZAK_REUSE),
                s.get(BrokerSettings.ZAK_MIN_REMAINING),
                s.get(BrokerSettings.POOL),
                s.get(BrokerSettings.USER_COOLDOWN),
                s.get(BrokerSettings.ZOOM_TIMEOUT),
                ObfConfig.from(s));
    }

    /** The configured secrets as they may appear in text: in a URL, a Basic header, a whsec_ string. */
    List<String> secretsAsText() {
        List<String> secrets = new ArrayList<>();
        querySecrets.forEach(s -> secrets.add(s.reveal()));
        secrets.add(credentials.clientSecret().reveal());
        secrets.add(credentials.basicCredentials().reveal());
        if (webhookSecret != null) {
            secrets.add(webhookSecret.reveal().replaceFirst("^whsec_", ""));
        }
        if (obf != null) {
            secrets.addAll(obf.secretsAsText());
        }
        return secrets;
    }

    /** This configuration listening on {@code port} instead (0 for any free port). */
    public BrokerConfig withPort(int port) {
        return new BrokerConfig(
                host,
                port,
                zoomEndpoints,
                credentials,
                zakUsers,
                querySecrets,
                webhookSecret,
                secretParam,
                zakTtl,
                zakReuse,
                zakMinRemaining,
                pool,
                userCooldown,
                zoomTimeout,
                obf);
    }

    @SuppressWarnings("UnusedException") // the parser's message might quote the secret
    private static void requireWebhookSecret(Secret secret) {
        try {
            WebhookSecret.parse(secret.reveal());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "SIGNET_BROKER_WEBHOOK_SECRET must be a whsec_ secret (whsec_ followed by a base64 key)");
        }
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
