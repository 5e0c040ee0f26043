package dev.signet.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.signet.testkit.MutableClock;
import dev.signet.webhooks.Verification.Invalid;
import dev.signet.webhooks.Verification.Reason;
import dev.signet.webhooks.Verification.Valid;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookVerifierTest {
    private static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final WebhookSecret OLD = WebhookSecret.parse("whsec_b2xkLXNlY3JldC1rZXktMDEyMzQ1Njc4OWFi");
    private static final WebhookSecret NEW = WebhookSecret.parse("whsec_bmV3LXNlY3JldC1rZXktMDEyMzQ1Njc4OWFi");
    private static final byte[] EMPTY = new byte[0];

    private final MutableClock clock = MutableClock.at(SpecVector.AT);
    private final InMemoryReplayGuard guard = ReplayGuard.inMemory(TOLERANCE, 1000, clock);

    private WebhookVerifier verifier(WebhookSecret... secrets) {
        return new WebhookVerifier(List.of(secrets), TOLERANCE, clock, guard);
    }

    private static Verification verify(WebhookVerifier verifier, SignedHeaders headers, byte[] body) {
        return verifier.verify(headers.id(), headers.timestamp(), headers.signature(), body);
    }

    private SignedHeaders signNow(String id, byte[] body, WebhookSecret... secrets) {
        return new WebhookSigner(List.of(secrets)).sign(id, clock.instant(), body);
    }

    @Test
    void verify_specTestVector_valid() {
        Verification result = verifier(SpecVector.secret())
                .verify(SpecVector.ID, "1614265330", SpecVector.SIGNATURE, SpecVector.BODY);

        assertThat(result).isEqualTo(new Valid(SpecVector.ID));
        assertThat(result.isValid()).isTrue();
    }

    @Test
    void verify_wrongSecret_noMatchingSignature() {
        assertThat(verifier(OLD).verify(SpecVector.ID, "1614265330", SpecVector.SIGNATURE, SpecVector.BODY))
                .isEqualTo(new Invalid(Reason.NO_MATCHING_SIGNATURE));
    }

    @Test
    void verify_rotation_signedWithOldAndNew_acceptedByEitherReceiver() {
        SignedHeaders both = signNow("msg_rotate", SpecVector.BODY, OLD, NEW);

        assertThat(both.signature().split(" ")).hasSize(2);
        assertThat(verify(
                        new WebhookVerifier(List.of(OLD), TOLERANCE, clock, ReplayGuard.none()), both, SpecVector.BODY))
                .isEqualTo(new Valid("msg_rotate"));
        assertThat(verify(
                        new WebhookVerifier(List.of(NEW), TOLERANCE, clock, ReplayGuard.none()), both, SpecVector.BODY))
                .isEqualTo(new Valid("msg_rotate"));
    }

    @Test
    void verify_rotation_receiverHoldsOldAndNew_acceptsEitherSender() {
        WebhookVerifier verifier = verifier(NEW, OLD);

        assertThat(verify(verifier, signNow("msg_old", SpecVector.BODY, OLD), SpecVector.BODY))
                .isEqualTo(new Valid("msg_old"));
        assertThat(verify(verifier, signNow("msg_new", SpecVector.BODY, NEW), SpecVector.BODY))
                .isEqualTo(new Valid("msg_new"));
        assertThat(verify(verifier, signNow("msg_other", SpecVector.BODY, SpecVector.secret()), SpecVector.BODY))
                .isEqualTo(new Invalid(Reason.NO_MATCHING_SIGNATURE));
    }

    @Test
    void verify_tamperedBody_noMatchingSignature() {
        byte[] tampered = "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8);

        assertThat(verifier(SpecVector.secret()).verify(SpecVector.ID, "1614265330", SpecVector.SIGNATURE, tampered))
                .isEqualTo(new Invalid(Reason.NO_MATCHING_SIGNATURE));
    }

    @Test
    void verify_tamperedId_noMatchingSignature() {
        assertThat(verifier(SpecVector.secret())
                        .verify("msg_p5jXN8AQM9LWM0D4loKWxJeK", "1614265330", SpecVector.SIGNATURE, SpecVector.BODY))
                .isEqualTo(new Invalid(Reason.NO_MATCHING_SIGNATURE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1614265331", "1614265329", "01614265330"})
    void verify_tamperedTimestamp_noMatchingSignature(String timestamp) {
        assertThat(verifier(SpecVector.secret())
                        .verify(SpecVector.ID, timestamp, SpecVector.SIGNATURE, SpecVector.BODY))
                .isEqualTo(new Invalid(Reason.NO_MATCHING_SIGNATURE));
    }

    @Test
    void verify_truncatedSignature_noMatchingSignature() {
        String truncated = SpecVector.SIGNATURE.substring(0, SpecVector.SIGNATURE.length() - 4);

        assertThat(verifier(SpecVector.secret()).verify(SpecVector.ID, "1614265330", truncated, SpecVector.BODY))
                .isEqualTo(new Invalid(Reason.NO_MATCHING_SIGNATURE));
    }

    @ParameterizedTest
    @CsvSource(
            nullValues = "NULL",
            value = {
                "NULL, 1614265330, v1,x",
                "'', 1614265330, v1,x",
                "' ', 1614265330, v1,x",
                "msg, NULL, v1,x",
                "msg, '', v1,x",
                "msg, 1614265330, NULL",
                "msg, 1614265330, ''",
                "msg, 1614265330, '  '"
            })
    void verify_missingHeader_missingHeaders(@Nullable String id, @Nullable String timestamp, @Nullable String sig) {
        assertThat(verifier(SpecVector.secret()).verify(id, timestamp, sig, SpecVector.BODY))
                .isEqualTo(new Invalid(Reason.MISSING_HEADERS));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "abc",
                "-1614265330",
                "+1614265330",
                "1614265330.0",
                " 1614265330",
                "1614265330 ",
                "1.614265330e9",
                "\uFF11\uFF16\uFF11\uFF14\uFF12\uFF16\uFF15\uFF13\uFF13\uFF10",
                "1614265330000000000",
                "99999999999999999999999999"
            })
    void verify_nonNumericTimestamp_badTimestamp(String timestamp) {
        assertThat(verifier(SpecVector.secret())
                        .verify(SpecVector.ID, timestamp, SpecVector.SIGNATURE, SpecVector.BODY))
                .isEqualTo(new Invalid(Reason.BAD_TIMESTAMP));
    }

    @Test
    void verify_timestampBeyondInstantRange_badTimestampOrTooNew() {
        assertThat(verifier(OLD).verify("msg", "999999999999999999", "v1,x", EMPTY))
                .isEqualTo(new Invalid(Reason.BAD_TIMESTAMP));
        assertThat(verifier(OLD).verify("msg", "31556889864403199", "v1,x", EMPTY))
                .isEqualTo(new Invalid(Reason.TOO_NEW));
    }

    @Test
    void verify_staleTimestamp_tooOld_butAcceptedAtTheEdge() {
        WebhookVerifier verifier = verifier(SpecVector.secret());

        clock.set(SpecVector.AT.plus(TOLERANCE).plusSeconds(1));
        assertThat(verifier.verify(SpecVector.ID, "1614265330", SpecVector.SIGNATURE, SpecVector.BODY))
                .isEqualTo(new Invalid(Reason.TOO_OLD));

        clock.set(SpecVector.AT.plus(TOLERANCE));
        assertThat(verifier.verify(SpecVector.ID, "1614265330", SpecVector.SIGNATURE, SpecVector.BODY))
                .isEqualTo(new Valid(SpecVector.ID));
    }

    @Test
    void verify_staleByAFractionOfASecond_tooOld() {
        clock.set(SpecVector.AT.plus(TOLERANCE).plusMillis(1));

        assertThat(verifier(SpecVector.secret())
                        .verify(SpecVector.ID, "1614265330", SpecVector.SIGNATURE, SpecVector.BODY))
                .isEqualTo(new Invalid(Reason.TOO_OLD));
    }

    @Test
    void verify_futureTimestamp_tooNew_butAcceptedAtTheEdge() {
        WebhookVerifier verifier = verifier(SpecVector.secret());

        clock.set(SpecVector.AT.minus(TOLERANCE).minusSeconds(1));
        assertThat(verifier.verify(SpecVector.ID, "1614265330", SpecVector.SIGNATURE, SpecVector.BODY))
                .isEqualTo(new Invalid(Reason.TOO_NEW));

        clock.set(SpecVector.AT.minus(TOLERANCE));
        assertThat(verifier.verify(SpecVector.ID, "1614265330", SpecVector.SIGNATURE, SpecVector.BODY))
                .isEqualTo(new Valid(SpecVector.ID));
    }

    @Test
    void verify_sameMessageTwice_secondIsReplayed() {
        WebhookVerifier verifier = verifier(OLD);
        SignedHeaders headers = signNow("msg_once", EMPTY, OLD);

        assertThat(verify(verifier, headers, EMPTY)).isEqualTo(new Valid("msg_once"));
        clock.advance(Duration.ofMinutes(4));
        assertThat(verify(verifier, headers, EMPTY)).isEqualTo(new Invalid(Reason.REPLAYED));
        assertThat(verify(verifier, signNow("msg_twice", EMPTY, OLD), EMPTY)).isEqualTo(new Valid("msg_twice"));
    }

    @Test
    void verify_replayAfterTheWindow_rejectedAsTooOld() {
        WebhookVerifier verifier = verifier(OLD);
        SignedHeaders headers = signNow("msg_once", EMPTY, OLD);
        assertThat(verify(verifier, headers, EMPTY).isValid()).isTrue();

        clock.advance(TOLERANCE.plusSeconds(1));

        assertThat(verify(verifier, headers, EMPTY)).isEqualTo(new Invalid(Reason.TOO_OLD));
    }

    @Test
    void verify_sameIdFreshlySignedAfterTheWindow_acceptedAgain() {
        WebhookVerifier verifier = verifier(OLD);
        assertThat(verify(verifier, signNow("msg_stable", EMPTY, OLD), EMPTY).isValid())
                .isTrue();

        clock.advance(TOLERANCE.plusSeconds(1));

        assertThat(verify(verifier, signNow("msg_stable", EMPTY, OLD), EMPTY)).isEqualTo(new Valid("msg_stable"));
    }

    @Test
    void verify_futureTimestampedMessage_replayRejectedForItsWholeValidity() {
        WebhookVerifier verifier = verifier(OLD);
        SignedHeaders ahead = new WebhookSigner(List.of(OLD))
                .sign("msg_ahead", clock.instant().plus(TOLERANCE), EMPTY);
        assertThat(verify(verifier, ahead, EMPTY)).isEqualTo(new Valid("msg_ahead"));

        // One and a half windows later the timestamp is still within tolerance; the guard must still remember it.
        clock.advance(TOLERANCE.multipliedBy(3).dividedBy(2));

        assertThat(verify(verifier, ahead, EMPTY)).isEqualTo(new Invalid(Reason.REPLAYED));
    }

    @Test
    void verify_forgedRequests_neverReachTheReplayGuard() {
        List<String> seen = new ArrayList<>();
        ReplayGuard recording = (id, at) -> seen.add(id);
        WebhookVerifier verifier = new WebhookVerifier(List.of(OLD), TOLERANCE, clock, recording);
        SignedHeaders genuine = signNow("msg_target", EMPTY, OLD);
        String timestamp = genuine.timestamp();

        assertThat(verifier.verify("msg_target", timestamp, "v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", EMPTY))
                .isEqualTo(new Invalid(Reason.NO_MATCHING_SIGNATURE));
        assertThat(verifier.verify("msg_target", "1", genuine.signature(), EMPTY))
                .isEqualTo(new Invalid(Reason.TOO_OLD));
        assertThat(verifier.verify("msg_target", "x", genuine.signature(), EMPTY))
                .isEqualTo(new Invalid(Reason.BAD_TIMESTAMP));
        assertThat(seen).isEmpty();

        assertThat(verify(verifier, genuine, EMPTY)).isEqualTo(new Valid("msg_target"));
        assertThat(seen).containsExactly("msg_target");
    }

    @Test
    void verify_forgedRequestFirst_genuineRequestStillAccepted() {
        WebhookVerifier verifier = verifier(OLD);
        SignedHeaders genuine = signNow("msg_target", EMPTY, OLD);
        SignedHeaders forged = signNow("msg_target", EMPTY, NEW);

        assertThat(verify(verifier, forged, EMPTY)).isEqualTo(new Invalid(Reason.NO_MATCHING_SIGNATURE));
        assertThat(verify(verifier, genuine, EMPTY)).isEqualTo(new Valid("msg_target"));
        assertThat(guard.size()).isEqualTo(1);
    }

    @Test
    void verify_otherVersionPrefixes_ignored() {
        WebhookVerifier verifier =
                new WebhookVerifier(List.of(SpecVector.secret()), TOLERANCE, clock, ReplayGuard.none());
        String mac = SpecVector.SIGNATURE.substring("v1,".length());

        assertThat(verifier.verify(SpecVector.ID, "1614265330", "v1a," + mac, SpecVector.BODY))
                .isEqualTo(new Invalid(Reason.NO_MATCHING_SIGNATURE));
        assertThat(verifier.verify(SpecVector.ID, "1614265330", "V1," + mac, SpecVector.BODY))
                .isEqualTo(new Invalid(Reason.NO_MATCHING_SIGNATURE));
        assertThat(verifier.verify(SpecVector.ID, "1614265330", mac, SpecVector.BODY))
                .isEqualTo(new Invalid(Reason.NO_MATCHING_SIGNATURE));
        assertThat(verifier.verify(
                        SpecVector.ID, "1614265330", "v1a,abc v2,xyz " + SpecVector.SIGNATURE, SpecVector.BODY))
                .isEqualTo(new Valid(SpecVector.ID));
    }

    @Test
    void verify_undecodableEntryBesideAValidOne_valid() {
        WebhookVerifier verifier =
                new WebhookVerifier(List.of(SpecVector.secret()), TOLERANCE, clock, ReplayGuard.none());

        assertThat(verifier.verify(
                        SpecVector.ID,
                        "1614265330",
                        "v1,!!not-base64!! v1, v1,==  " + SpecVector.SIGNATURE + " ",
                        SpecVector.BODY))
                .isEqualTo(new Valid(SpecVector.ID));
        assertThat(verifier.verify(SpecVector.ID, "1614265330", "v1,!!not-base64!!", SpecVector.BODY))
                .isEqualTo(new Invalid(Reason.NO_MATCHING_SIGNATURE));
    }

    @Test
    void verify_emptyBody_tokenCallbackStyle() {
        WebhookVerifier verifier = verifier(OLD);
        SignedHeaders headers = signNow("cb_1", EMPTY, OLD);

        assertThat(verifier.verify(
                        headers.id(), headers.timestamp(), headers.signature(), "x".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(new Invalid(Reason.NO_MATCHING_SIGNATURE));
        assertThat(verify(verifier, headers, EMPTY)).isEqualTo(new Valid("cb_1"));
    }

    @Test
    void verify_noReplayGuard_acceptsReplays() {
        WebhookVerifier verifier = new WebhookVerifier(List.of(OLD), TOLERANCE, clock, ReplayGuard.none());
        SignedHeaders headers = signNow("msg_1", EMPTY, OLD);

        assertThat(verify(verifier, headers, EMPTY)).isEqualTo(new Valid("msg_1"));
        assertThat(verify(verifier, headers, EMPTY)).isEqualTo(new Valid("msg_1"));
    }

    @Test
    void verifier_badConfiguration_rejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new WebhookVerifier(List.of(), TOLERANCE, clock, ReplayGuard.none()));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new WebhookVerifier(List.of(OLD), Duration.ZERO, clock, ReplayGuard.none()));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new WebhookVerifier(List.of(OLD), Duration.ofSeconds(-1), clock, ReplayGuard.none()));
    }

    @Test
    void toString_neverRevealsTheKeys() {
        String text = verifier(SpecVector.secret(), OLD).toString();

        assertThat(text).contains("secrets=2").contains("PT5M").doesNotContain("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        assertThat(text).doesNotContain(OLD.encoded().substring("whsec_".length()));
    }
}
