package dev.signet.emulator.join;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.signet.emulator.directory.Account;
import dev.signet.emulator.directory.Directory;
import dev.signet.emulator.directory.Plan;
import dev.signet.emulator.directory.SdkApp;
import dev.signet.emulator.secret.Secret;
import dev.signet.testkit.MutableClock;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SdkSignatureTest {
    private static final String SECRET = "sdk-secret-0123456789abcdef0123";

    private final MutableClock clock = MutableClock.at(Instant.parse("2026-03-02T09:00:00Z"));
    private final Directory directory = new Directory();
    private final SdkSignature verifier = new SdkSignature(directory, new ObjectMapper(), clock);

    SdkSignatureTest() {
        directory.putAccount(new Account("acc", "Acc", Plan.PRO, false));
        directory.putSdkApp(new SdkApp("key", Secret.of(SECRET), "acc", true));
    }

    private String jwt(Algorithm algorithm, Object mn, long iatOffset, long life) {
        long iat = clock.instant().getEpochSecond() + iatOffset;
        var builder = JWT.create().withClaim("appKey", "key").withClaim("role", 0);
        builder = mn instanceof Long n ? builder.withClaim("mn", n) : builder.withClaim("mn", mn.toString());
        return builder.withClaim("iat", iat).withClaim("exp", iat + life).sign(algorithm);
    }

    @Test
    void valid_withStringOrNumberMn() {
        assertThat(verifier.verify(jwt(Algorithm.HMAC256(SECRET), "81234567890", -30, 7200)))
                .isEqualTo(new SdkSignature.Check.Valid(
                        new SdkSignature.Claims(directory.findSdkApp("key").orElseThrow(), "81234567890", 0)));
        assertThat(verifier.verify(jwt(Algorithm.HMAC256(SECRET), 81234567890L, -30, 7200)))
                .isInstanceOf(SdkSignature.Check.Valid.class);
    }

    @Test
    void otherAlgorithmOrSecret_isInvalid() {
        assertThat(verifier.verify(jwt(Algorithm.HMAC384(SECRET), "1", -30, 7200)))
                .isEqualTo(new SdkSignature.Check.Refused(Refusal.SIGNATURE_INVALID));
        assertThat(verifier.verify(jwt(Algorithm.HMAC256("other-secret-0123456789abcdef"), "1", -30, 7200)))
                .isEqualTo(new SdkSignature.Check.Refused(Refusal.SIGNATURE_INVALID));
    }

    @Test
    void tamperedPayload_isInvalid() {
        String good = jwt(Algorithm.HMAC256(SECRET), "1", -30, 7200);
        String[] parts = good.split("\\.", -1);
        String other = jwt(Algorithm.HMAC256(SECRET), "2", -30, 7200).split("\\.", -1)[1];

        assertThat(verifier.verify(parts[0] + "." + other + "." + parts[2]))
                .isEqualTo(new SdkSignature.Check.Refused(Refusal.SIGNATURE_INVALID));
        assertThat(verifier.verify("not-a-jwt")).isEqualTo(new SdkSignature.Check.Refused(Refusal.SIGNATURE_INVALID));
        assertThat(verifier.verify(parts[0] + "." + parts[1] + ".%%%"))
                .isEqualTo(new SdkSignature.Check.Refused(Refusal.SIGNATURE_INVALID));
    }

    @Test
    void issuedInTheFuture_isInvalid_expiredIsExpired() {
        assertThat(verifier.verify(jwt(Algorithm.HMAC256(SECRET), "1", 600, 7200)))
                .isEqualTo(new SdkSignature.Check.Refused(Refusal.SIGNATURE_INVALID));
        assertThat(verifier.verify(jwt(Algorithm.HMAC256(SECRET), "1", -7200, 7200)))
                .isEqualTo(new SdkSignature.Check.Refused(Refusal.SIGNATURE_EXPIRED));
    }
}
