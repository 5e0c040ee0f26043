package dev.signet.broker.connect;

import dev.signet.secrets.Secret;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Signed, expiring connect links that an operator hands to a user: {@code <base>/connect?expires=<epoch s>&sig=<mac>},
 * where the MAC is HMAC-SHA256 keyed with an admin secret over {@code signet-connect-link:v1:<expires>}. Any
 * configured admin secret verifies (rotation); the first signs. A link works until it expires, so a user can retry.
 */
public final class ConnectLinks {
    private static final String PURPOSE = "signet-connect-link:v1:";

    private final List<Secret> adminSecrets;
    private final URI connectUri;
    private final Clock clock;

    /**
     * @param connectUri the public address of {@code GET /connect}
     */
    public ConnectLinks(List<Secret> adminSecrets, URI connectUri, Clock clock) {
        if (adminSecrets.isEmpty()) {
            throw new IllegalArgumentException("connect links need an admin secret");
        }
        this.adminSecrets = List.copyOf(adminSecrets);
        this.connectUri = connectUri;
        this.clock = clock;
    }

    /** A link valid for {@code ttl}. */
    public SignedLink create(Duration ttl) {
        Instant expires = clock.instant().plus(ttl).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String sig = mac(adminSecrets.getFirst(), expires.getEpochSecond());
        return new SignedLink(
                URI.create(connectUri + "?expires=" + expires.getEpochSecond() + "&sig=" + sig),
                expires,
                Secret.of(sig));
    }

    /** Whether {@code expires} and {@code sig} form a link this broker signed that has not expired. */
    public boolean valid(@Nullable String expires, @Nullable String sig) {
        if (expires == null || sig == null || !expires.matches("[0-9]{1,12}")) {
            return false;
        }
        long epoch = Long.parseLong(expires);
        byte[] presented = sig.getBytes(StandardCharsets.US_ASCII);
        boolean match = false;
        for (Secret secret : adminSecrets) {
            match |= MessageDigest.isEqual(presented, mac(secret, epoch).getBytes(StandardCharsets.US_ASCII));
        }
        return match && clock.instant().isBefore(Instant.ofEpochSecond(epoch));
    }

    private static String mac(Secret key, long expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] out = mac.doFinal((PURPOSE + expires).getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    /**
     * A signed link.
     *
     * @param url the link to hand to the user
     * @param expiresAt when it stops working
     * @param signature its signature (a credential: the log guard learns it)
     */
    public record SignedLink(URI url, Instant expiresAt, Secret signature) {}
}
