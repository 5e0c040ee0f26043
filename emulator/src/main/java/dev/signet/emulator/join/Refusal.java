package dev.signet.emulator.join;

/** Why Zoom refused a join: the Web SDK error code and reason of CONTRACTS.md §6. */
public enum Refusal {
    SIGNATURE_INVALID(3712, "Signature is invalid."),
    SIGNATURE_EXPIRED(3705, "The signature has expired."),
    MEETING_NOT_FOUND(3001, "Meeting does not exist."),
    MEETING_ENDED(4004, "The meeting has ended."),
    OBF_ERROR(3636, "OBF error: zak and obfToken cannot be used together, and OBF tokens cannot start meetings."),
    OBF_INVALID(4014, "The OBF token is invalid or has already been used."),
    OBF_OTHER_MEETING(4015, "The OBF token was issued for another meeting."),
    OBF_USER_ABSENT(4017, "The user who authorized the OBF token is not in the meeting."),
    ZAK_INVALID(3265, "Invalid ZAK token."),
    NOT_HOST(3003, "You are not the meeting host"),
    APP_NOT_PUBLISHED(4011, "This app is not published and cannot join meetings outside its account."),
    ANONYMOUS_REFUSED(4012, "Apps must present a ZAK or an OBF token to join meetings outside their account."),
    WRONG_PASSCODE(3004, "Meeting Passcode wrong."),
    LOCKED(4006, "The meeting is locked."),
    FULL(4005, "The meeting has reached its capacity."),
    LOGIN_REQUIRED(3100, "Require login");

    private final int code;
    private final String reason;

    Refusal(int code, String reason) {
        this.code = code;
        this.reason = reason;
    }

    public int code() {
        return code;
    }

    public String reason() {
        return reason;
    }
}
