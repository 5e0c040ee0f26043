package dev.signet.zoom.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.SignatureVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import dev.signet.secrets.Secret;
import dev.signet.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SdkSignerTest {
    private static final String KEY = "sdk-key-abc";
    private static final String SECRET = "sdk-secret-0123456789";

    private final MutableClock clock = MutableClock.at(Instant.parse("2026-03-01T12:00:00Z"));
    private final SdkSigner signer = new SdkSigner(new SdkCredentials(KEY, new Secret(SECRET)), clock);

    private DecodedJWT verify(Secret signature) {
        var verification = (JWTVerifier.BaseVerification)
                JWT.require(Algorithm.HMAC256(SECRET)).withClaim("appKey", KEY);
        return verification.build(clock).verify(signature.reveal());
    }

    @Test
    void sign_producesAJwtThatAnIndependentLibraryVerifies() {
        DecodedJWT jwt = verify(signer.sign("81234567890", 0));

        assertThat(jwt.getAlgorithm()).isEqualTo("HS256");
        assertThat(jwt.getType()).isEqualTo("JWT");
        assertThat(jwt.getClaim("appKey").asString()).isEqualTo(KEY);
        assertThat(jwt.getClaim("sdkKey").asString()).isEqualTo(KEY);
        assertThat(jwt.getClaim("mn").asString()).isEqualTo("81234567890");
        assertThat(jwt.getClaim("role").asInt()).isZero();
        assertThat(jwt.getClaims()).containsOnlyKeys("appKey", "sdkKey", "mn", "role", "iat", "exp", "tokenExp");
    }

    @Test
    void sign_setsIatThirtySecondsBackAndTwoHoursOfValidity() {
        DecodedJWT jwt = verify(signer.sign("81234567890", 1));

        long now = clock.instant().getEpochSecond();
        assertThat(jwt.getClaim("iat").asLong()).isEqualTo(now - 30);
        assertThat(jwt.getClaim("exp").asLong()).isEqualTo(now - 30 + 7200);
        assertThat(jwt.getClaim("tokenExp").asLong())
                .isEqualTo(jwt.getClaim("exp").asLong());
        assertThat(jwt.getClaim("role").asInt()).isEqualTo(1);
        assertThat(jwt.getIssuedAt()).isEqualTo(Date.from(clock.instant().minusSeconds(30)));
    }

    @ParameterizedTest
    @ValueSource(longs = {1800, 3600, 172_800})
    void sign_customValidity_isExpMinusIat(long seconds) {
        DecodedJWT jwt = verify(signer.sign("123456789", 0, Duration.ofSeconds(seconds)));

        assertThat(jwt.getClaim("exp").asLong() - jwt.getClaim("iat").asLong()).isEqualTo(seconds);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1799, 172_801, -60})
    void sign_validityOutOfZoomsBounds_isRejected(long seconds) {
        assertThatThrownBy(() -> signer.sign("123456789", 0, Duration.ofSeconds(seconds)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("validity");
    }

    @Test
    void sign_wrongSecret_failsVerification() {
        Secret signature = signer.sign("123456789", 0);

        assertThatThrownBy(() ->
                        JWT.require(Algorithm.HMAC256("another-secret")).build().verify(signature.reveal()))
                .isInstanceOf(SignatureVerificationException.class);
    }

    @Test
    void sign_isBase64UrlWithoutPadding() {
        String jwt = signer.sign("123456789", 0).reveal();

        assertThat(jwt.split("\\.", -1)).hasSize(3);
        assertThat(jwt).matches("[A-Za-z0-9_.-]+");
    }

    @Test
    void sign_expiredAfterValidity() {
        Secret signature = signer.sign("123456789", 0, Duration.ofMinutes(30));
        clock.advance(Duration.ofMinutes(31));

        assertThatThrownBy(() -> verify(signature)).isInstanceOf(com.auth0.jwt.exceptions.TokenExpiredException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12ab", "123 456 789", "-1"})
    void sign_meetingNumberNotDigits_isRejected(String meetingNumber) {
        assertThatThrownBy(() -> signer.sign(meetingNumber, 0)).hasMessageContaining("meetingNumber");
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 2, 5})
    void sign_roleOtherThanJoinOrStart_isRejected(int role) {
        assertThatThrownBy(() -> signer.sign("123456789", role)).hasMessageContaining("role");
    }

    @Test
    void signatureAndCredentials_redactThemselves() {
        assertThat(signer.sign("123456789", 0).toString()).isEqualTo("***");
        assertThat(new SdkCredentials(KEY, new Secret(SECRET)).toString()).doesNotContain(SECRET);
    }
}
