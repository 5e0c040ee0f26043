package dev.signet.platform.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.platform.driver.DriverFailure;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JoinOutcomesTest {
    /** Every row of CONTRACTS.md §6: code, whether the bot had a ZAK, the expected fatal sub-code. */
    static Stream<Arguments> fatalRows() {
        return Stream.of(
                Arguments.of(3001, false, "meeting_not_found"),
                Arguments.of(3610, true, "meeting_not_found"),
                Arguments.of(3004, false, "meeting_password_incorrect"),
                Arguments.of(3034, false, "meeting_requires_sign_in"),
                Arguments.of(3051, false, "meeting_requires_sign_in"),
                Arguments.of(3052, false, "meeting_requires_sign_in"),
                Arguments.of(6024, false, "meeting_requires_sign_in"),
                Arguments.of(3100, false, "meeting_requires_sign_in"),
                Arguments.of(4012, false, "meeting_requires_sign_in"),
                Arguments.of(3034, true, "zoom_invalid_zak"),
                Arguments.of(3051, true, "zoom_invalid_zak"),
                Arguments.of(3052, true, "zoom_invalid_zak"),
                Arguments.of(6024, true, "zoom_invalid_zak"),
                Arguments.of(3100, true, "zoom_invalid_zak"),
                Arguments.of(4012, true, "zoom_invalid_zak"),
                Arguments.of(3265, true, "zoom_invalid_zak"),
                Arguments.of(3623, false, "zoom_invalid_zak"),
                Arguments.of(3705, false, "zoom_invalid_signature"),
                Arguments.of(3712, true, "zoom_invalid_signature"),
                Arguments.of(4004, false, "meeting_ended"),
                Arguments.of(4005, false, "meeting_full"),
                Arguments.of(4006, false, "meeting_locked"),
                Arguments.of(4011, true, "zoom_sdk_app_not_published"),
                Arguments.of(3636, false, "zoom_invalid_obf_token"),
                Arguments.of(4013, false, "zoom_invalid_obf_token"),
                Arguments.of(4014, false, "zoom_invalid_obf_token"),
                Arguments.of(4015, false, "zoom_invalid_obf_token"),
                Arguments.of(9999, false, "bot_errored"),
                Arguments.of(0, true, "bot_errored"));
    }

    @ParameterizedTest(name = "{0} (zak={1}) -> fatal/{2}")
    @MethodSource("fatalRows")
    void classify_refusal_isFatalWithItsSubCode(int code, boolean hadZak, String subCode) {
        JoinOutcome outcome = JoinOutcomes.classify(code, "Zoom says no.", presented(hadZak));

        assertThat(outcome).isInstanceOfSatisfying(JoinOutcome.Fatal.class, fatal -> {
            assertThat(fatal.subCode()).isEqualTo(subCode);
            assertThat(fatal.retryable()).isFalse();
            assertThat(fatal.message()).contains("Zoom says no.");
        });
    }

    @ParameterizedTest
    @MethodSource("networkCodes")
    void classify_networkFailure_isRetryableConnectionFailure(int code) {
        assertThat(JoinOutcomes.classify(code, "connection reset", presented(false)))
                .isEqualTo(new JoinOutcome.Fatal(
                        "zoom_connection_failed", "Could not connect to Zoom: connection reset", true));
    }

    static Stream<Integer> networkCodes() {
        return Stream.of(1, -3000);
    }

    @ParameterizedTest
    @MethodSource("signInCodes")
    void classify_signInRequiredWithoutZak_messageStartsSignInRequired(int code) {
        JoinOutcome outcome = JoinOutcomes.classify(code, "Require login", presented(false));

        assertThat(((JoinOutcome.Fatal) outcome).message()).startsWith("Sign In Required");
    }

    static Stream<Integer> signInCodes() {
        return Stream.of(3034, 3051, 3052, 6024, 3100, 4012);
    }

    @ParameterizedTest
    @MethodSource("otherRows")
    void classify_nonFatalRows(int code, boolean hadZak, JoinOutcome expected) {
        JoinOutcome outcome = JoinOutcomes.classify(code, "r", presented(hadZak));

        if (expected instanceof JoinOutcome.CallEnded ended) {
            assertThat(outcome)
                    .isInstanceOfSatisfying(
                            JoinOutcome.CallEnded.class,
                            e -> assertThat(e.subCode()).isEqualTo(ended.subCode()));
        } else {
            assertThat(outcome).isEqualTo(expected);
        }
    }

    static Stream<Arguments> otherRows() {
        return Stream.of(
                Arguments.of(3003, true, new JoinOutcome.RejoinAsAttendee()),
                Arguments.of(3008, false, new JoinOutcome.WaitForHost()),
                Arguments.of(3008, true, new JoinOutcome.WaitForHost()),
                Arguments.of(4017, false, new JoinOutcome.AwaitAuthorizedUser()),
                Arguments.of(4019, false, new JoinOutcome.CallEnded("authorized_user_left", "")),
                Arguments.of(3009, false, new JoinOutcome.CallEnded("bot_kicked_from_call", "")));
    }

    @ParameterizedTest
    @MethodSource("driverFailures")
    void classify_driverFailure_isFatal(DriverFailure failure, String subCode) {
        assertThat(JoinOutcomes.classify(failure, "page crashed"))
                .isInstanceOfSatisfying(
                        JoinOutcome.Fatal.class,
                        fatal -> assertThat(fatal.subCode()).isEqualTo(subCode));
    }

    static Stream<Arguments> driverFailures() {
        return Stream.of(
                Arguments.of(DriverFailure.SDK_LOAD_FAILED, "zoom_sdk_load_failed"),
                Arguments.of(DriverFailure.JOIN_TIMEOUT, "zoom_join_timeout"),
                Arguments.of(DriverFailure.CRASHED, "bot_errored"));
    }

    @org.junit.jupiter.api.Test
    void classify_blankReason_saysSo() {
        assertThat(((JoinOutcome.Fatal) JoinOutcomes.classify(4004, " ", presented(false))).message())
                .isEqualTo("The meeting has ended: no reason given");
    }

    private static JoinCredentials.Presented presented(boolean hadZak) {
        return hadZak ? JoinCredentials.Presented.ZAK : JoinCredentials.Presented.NONE;
    }
}
