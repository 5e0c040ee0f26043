package dev.signet.zoom.sdk;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.signet.secrets.Secret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs Zoom Meeting SDK signatures: a JWT (HS256, signed with the SDK secret) with the claims {@code appKey},
 * {@code sdkKey}, {@code mn}, {@code role}, {@code iat}, {@code exp} and {@code tokenExp}. {@code iat} is 30 s in the
 * past, as in Zoom's samples, so a client whose clock runs a little behind accepts it.
 */
public final class SdkSigner {
    /** Validity of {@link #sign(String, int)}. */
    public static final Duration DEFAULT_VALIDITY = Duration.ofHours(2);

    /** Zoom's bounds for {@code exp - iat}. */
    public static final Duration MIN_VALIDITY = Duration.ofMinutes(30);

    public static final Duration MAX_VALIDITY = Duration.ofDays(2);

    /** How far {@code iat} is set back for clock skew. */
    static final Duration SKEW = Duration.ofSeconds(30);

    private static final String HEADER = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final SdkCredentials credentials;
    private final Clock clock;
    // Jackson keeps its buffers per thread by default; on virtual threads (one per bot) each thread's buffers
    // stay as long as it lives, about 10 KiB a bot. One pool for the mapper instead.
    private final ObjectMapper json = new ObjectMapper(JsonFactory.builder()
            .recyclerPool(JsonRecyclerPools.newConcurrentDequePool())
            .build());

    public SdkSigner(SdkCredentials credentials, Clock clock) {
        this.credentials = credentials;
        this.clock = clock;
    }

    /** A signature valid for two hours. */
    public Secret sign(String meetingNumber, int role) {
        return sign(meetingNumber, role, DEFAULT_VALIDITY);
    }

    /**
     * A signature for joining ({@code role} 0) or starting ({@code role} 1) meeting {@code meetingNumber}.
     *
     * @param validity {@code exp - iat}, between 1800 s and 172800 s, whole seconds
     */
    public Secret sign(String meetingNumber, int role, Duration validity) {
        if (meetingNumber == null || !meetingNumber.matches("[0-9]{1,20}")) {
            throw new IllegalArgumentException("meetingNumber must be digits: " + meetingNumber);
        }
        if (role != 0 && role != 1) {
            throw new IllegalArgumentException("role must be 0 (join) or 1 (start): " + role);
        }
        if (validity.compareTo(MIN_VALIDITY) < 0 || validity.compareTo(MAX_VALIDITY) > 0) {
            throw new IllegalArgumentException("validity must be between 1800 s and 172800 s: " + validity);
        }
        long iat = clock.instant().minus(SKEW).getEpochSecond();
        long exp = iat + validity.toSeconds();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("appKey", credentials.key());
        claims.put("sdkKey", credentials.key());
        claims.put("mn", meetingNumber);
        claims.put("role", role);
        claims.put("iat", iat);
        claims.put("exp", exp);
        claims.put("tokenExp", exp);
        String signingInput = encode(HEADER.getBytes(StandardCharsets.UTF_8)) + "." + encode(payload(claims));
        return new Secret(signingInput + "." + encode(hmac(signingInput)));
    }

    private byte[] payload(Map<String, Object> claims) {
        try {
            return json.writeValueAsBytes(claims);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write SDK signature claims", e);
        }
    }

    private byte[] hmac(String signingInput) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(credentials.secret().reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(signingInput.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    private static String encode(byte[] bytes) {
        return BASE64URL.encodeToString(bytes);
    }
}
