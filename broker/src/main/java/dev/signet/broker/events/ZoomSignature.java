package dev.signet.broker.events;

import dev.signet.secrets.Secret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Zoom's webhook signature: {@code x-zm-signature: v0=<hex HMAC-SHA256(secret token, "v0:" + timestamp + ":" +
 * body)>} with {@code x-zm-request-timestamp} in epoch seconds, accepted within a tolerance and compared in constant
 * time. Also answers Zoom's URL validation challenge ({@code encryptedToken} = hex HMAC of the plain token).
 */
public final class ZoomSignature {
    /** How far the timestamp may be from the broker's clock. */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private final Secret secretToken;
    private final Clock clock;

    public ZoomSignature(Secret secretToken, Clock clock) {
        this.secretToken = secretToken;
        this.clock = clock;
    }

    /** Whether the headers sign {@code body} with the secret token, within {@link #TOLERANCE}. */
    public boolean verifies(@Nullable String timestamp, @Nullable String signature, byte[] body) {
        if (timestamp == null || signature == null || !timestamp.strip().matches("[0-9]{1,12}")) {
            return false;
        }
        Instant at = Instant.ofEpochSecond(Long.parseLong(timestamp.strip()));
        Duration skew = Duration.between(at, clock.instant()).abs();
        if (skew.compareTo(TOLERANCE) > 0) {
            return false;
        }
        byte[] prefix = ("v0:" + timestamp.strip() + ":").getBytes(StandardCharsets.UTF_8);
        byte[] message = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, message, 0, prefix.length);
        System.arraycopy(body, 0, message, prefix.length, body.length);
        byte[] expected = ("v0=" + hmacHex(message)).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.strip().getBytes(StandardCharsets.US_ASCII));
    }

    /** The {@code encryptedToken} answering a URL validation challenge. */
    public String encrypt(String plainToken) {
        return hmacHex(plainToken.getBytes(StandardCharsets.UTF_8));
    }

    /** Signs {@code body} at {@code timestamp} the way Zoom does (for tests and tools). */
    public String sign(long timestamp, byte[] body) {
        byte[] prefix = ("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8);
        byte[] message = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, message, 0, prefix.length);
        System.arraycopy(body, 0, message, prefix.length, body.length);
        return "v0=" + hmacHex(message);
    }

    private String hmacHex(byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secretToken.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
