package dev.signet.emulator.join;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.signet.emulator.directory.Directory;
import dev.signet.emulator.directory.SdkApp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies a Meeting SDK signature: a JWT signed HS256 with the secret of the SDK app its {@code appKey} (or
 * {@code sdkKey}) names, with {@code mn}, {@code role}, {@code iat}, {@code exp} and optional {@code tokenExp}.
 */
public final class SdkSignature {
    /** What a valid signature says. */
    public record Claims(SdkApp app, String meetingNumber, int role) {}

    /** The result of a check: the claims, or the refusal (3712 invalid, 3705 expired). */
    public sealed interface Check {
        record Valid(Claims claims) implements Check {}

        record Refused(Refusal refusal) implements Check {}
    }

    private static final long MIN_LIFE = 1800;
    private static final long MAX_LIFE = 172_800;
    private static final long SKEW = 300;

    private final Directory directory;
    private final ObjectMapper mapper;
    private final Clock clock;

    public SdkSignature(Directory directory, ObjectMapper mapper, Clock clock) {
        this.directory = directory;
        this.mapper = mapper;
        this.clock = clock;
    }

    public Check verify(String jwt) {
        String[] parts = jwt.split("\\.", -1);
        if (parts.length != 3) {
            return invalid();
        }
        Optional<JsonNode> header = decode(parts[0]);
        Optional<JsonNode> payload = decode(parts[1]);
        if (header.isEmpty()
                || payload.isEmpty()
                || !"HS256".equals(header.get().path("alg").asText())) {
            return invalid();
        }
        JsonNode claims = payload.get();
        String appKey = claims.path("appKey").asText(claims.path("sdkKey").asText(""));
        String sdkKey = claims.path("sdkKey").asText(appKey);
        Optional<SdkApp> app = directory.findSdkApp(appKey);
        if (appKey.isEmpty() || !appKey.equals(sdkKey) || app.isEmpty() || !signatureMatches(parts, app.get())) {
            return invalid();
        }
        if (!claims.path("iat").isNumber() || !claims.path("exp").isNumber()) {
            return invalid();
        }
        long iat = claims.path("iat").asLong();
        long exp = claims.path("exp").asLong();
        long now = clock.instant().getEpochSecond();
        if (exp - iat < MIN_LIFE || exp - iat > MAX_LIFE || iat > now + SKEW) {
            return invalid();
        }
        long tokenExp =
                claims.path("tokenExp").isNumber() ? claims.path("tokenExp").asLong() : exp;
        if (now >= exp || now >= tokenExp) {
            return new Check.Refused(Refusal.SIGNATURE_EXPIRED);
        }
        JsonNode mn = claims.path("mn");
        JsonNode role = claims.path("role");
        if (!(mn.isTextual() || mn.isIntegralNumber()) || !role.isIntegralNumber()) {
            return invalid();
        }
        return new Check.Valid(new Claims(app.get(), mn.asText().replace(" ", ""), role.asInt()));
    }

    private static boolean signatureMatches(String[] parts, SdkApp app) {
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(app.secret().reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return MessageDigest.isEqual(expected, given);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    private Optional<JsonNode> decode(String part) {
        try {
            JsonNode node = mapper.readTree(Base64.getUrlDecoder().decode(part));
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (IllegalArgumentException | IOException e) {
            return Optional.empty();
        }
    }

    private static Check invalid() {
        return new Check.Refused(Refusal.SIGNATURE_INVALID);
    }
}
