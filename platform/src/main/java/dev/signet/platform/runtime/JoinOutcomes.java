package dev.signet.platform.runtime;

import dev.signet.platform.driver.DriverFailure;
import dev.signet.platform.runtime.JoinCredentials.Presented;
import java.util.Locale;

/**
 * The one table from Zoom's join answers (Web SDK error codes) to Signet outcomes, CONTRACTS.md §6; shared by every
 * driver. A pure function.
 */
public final class JoinOutcomes {
    /** Sub-codes of {@code fatal} the table produces. */
    public static final String MEETING_REQUIRES_SIGN_IN = "meeting_requires_sign_in";

    public static final String ZOOM_INVALID_ZAK = "zoom_invalid_zak";
    public static final String ZOOM_CONNECTION_FAILED = "zoom_connection_failed";
    public static final String BOT_ERRORED = "bot_errored";
    public static final String ZOOM_INVALID_OBF_TOKEN = "zoom_invalid_obf_token";

    /** The real Web SDK's 3636 reason when the OBF token's user is not in the meeting (WEBSDK.md). */
    static final String OWNER_NOT_IN_MEETING = "owner is not in the meeting";

    private JoinOutcomes() {}

    /**
     * What to do with Zoom's refusal {@code zoomCode} / {@code reason}.
     *
     * @param presented the credential the attempt presented: a sign-in refusal then means Zoom did not accept it, and
     *     an OBF attempt refused because its user is absent waits for that user
     */
    public static JoinOutcome classify(int zoomCode, String reason, Presented presented) {
        String said = reason.isBlank() ? "no reason given" : reason;
        return switch (zoomCode) {
            // Older Web SDKs answer an OBF join whose user is absent with a bare 1 (WEBSDK.md): wait and retry
            // with a fresh token, bounded by waiting_room_timeout, rather than burn the network-retry budget.
            case 1, -3000 ->
                presented == Presented.OBF && zoomCode == 1
                        ? new JoinOutcome.AwaitAuthorizedUser()
                        : fatal(ZOOM_CONNECTION_FAILED, "Could not connect to Zoom: " + said, true);
            case 3001, 3610 -> fatal("meeting_not_found", "The meeting does not exist: " + said);
            case 3003 -> new JoinOutcome.RejoinAsAttendee();
            case 3004 -> fatal("meeting_password_incorrect", "The meeting passcode is wrong: " + said);
            case 3008 -> new JoinOutcome.WaitForHost();
            case 3034, 3051, 3052, 6024, 3100, 4012 ->
                switch (presented) {
                    case ZAK -> fatal(ZOOM_INVALID_ZAK, "Zoom did not accept the ZAK as a signed-in user: " + said);
                    case OBF -> fatal(ZOOM_INVALID_OBF_TOKEN, "Zoom did not accept the OBF token: " + said);
                    case NONE ->
                        fatal(
                                MEETING_REQUIRES_SIGN_IN,
                                "Sign In Required: the meeting admits only signed-in Zoom users (" + said
                                        + "); give the bot a zoom.zak_url for your own account's meetings or a"
                                        + " zoom.obf_token_url for other accounts' meetings");
                };
            case 3265, 3623 -> fatal(ZOOM_INVALID_ZAK, "Zoom rejected the ZAK: " + said);
            case 3705, 3712 -> fatal("zoom_invalid_signature", "Zoom rejected the SDK signature: " + said);
            case 4004 -> fatal("meeting_ended", "The meeting has ended: " + said);
            case 4005 -> fatal("meeting_full", "The meeting is full: " + said);
            case 4006 -> fatal("meeting_locked", "The meeting is locked: " + said);
            case 4011 -> fatal("zoom_sdk_app_not_published", "Zoom refused a join by an unpublished app: " + said);
            case 3636 ->
                reason.toLowerCase(Locale.ROOT).contains(OWNER_NOT_IN_MEETING)
                        ? new JoinOutcome.AwaitAuthorizedUser()
                        : fatal(ZOOM_INVALID_OBF_TOKEN, "Zoom rejected the OBF token: " + said);
            case 4013, 4014, 4015 -> fatal(ZOOM_INVALID_OBF_TOKEN, "Zoom rejected the OBF token: " + said);
            case 4017 -> new JoinOutcome.AwaitAuthorizedUser();
            case 4019 -> new JoinOutcome.CallEnded("authorized_user_left", "The authorizing user left: " + said);
            case 3009 -> new JoinOutcome.CallEnded("bot_kicked_from_call", "Removed by the host: " + said);
            default ->
                fatal(
                        BOT_ERRORED,
                        String.format(Locale.ROOT, "Zoom refused the join with code %d: %s", zoomCode, said));
        };
    }

    /** What to do when the driver itself gave up ({@link DriverFailure}): the rows of the table Zoom never answers. */
    public static JoinOutcome classify(DriverFailure failure, String reason) {
        String said = reason.isBlank() ? "no reason given" : reason;
        return switch (failure) {
            case SDK_LOAD_FAILED -> fatal("zoom_sdk_load_failed", "The Meeting SDK did not load: " + said);
            case JOIN_TIMEOUT -> fatal("zoom_join_timeout", "The Meeting SDK did not answer the join: " + said);
            case CRASHED -> fatal(BOT_ERRORED, "The meeting driver failed: " + said);
        };
    }

    private static JoinOutcome fatal(String subCode, String message) {
        return fatal(subCode, message, false);
    }

    private static JoinOutcome fatal(String subCode, String message, boolean retryable) {
        return new JoinOutcome.Fatal(subCode, message, retryable);
    }
}
