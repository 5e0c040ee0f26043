package dev.signet.platform.driver;

import dev.signet.secrets.Secret;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a Meeting SDK {@code join} carries, for one attempt.
 *
 * @param meetingNumber the Zoom meeting number
 * @param password the passcode or encrypted {@code pwd}, if any
 * @param tk the registration token, if any
 * @param displayName the bot's name in the meeting
 * @param role 0 to join, 1 to start the meeting as host
 * @param zak the ZAK fetched for this attempt, if any
 * @param obfToken the on-behalf-of token fetched for this attempt, if any; never together with {@code zak}
 * @param recordingToken the local-recording join token fetched for this attempt ({@code join_token_url}), if any
 * @param userEmail the SDK's {@code userEmail}, if any
 * @param sdkSignature the Meeting SDK JWT for {@code meetingNumber} and {@code role}
 * @param sdkKey the Meeting SDK app's key
 */
public record JoinRequest(
        String meetingNumber,
        @Nullable String password,
        @Nullable String tk,
        String displayName,
        int role,
        @Nullable Secret zak,
        @Nullable Secret obfToken,
        @Nullable Secret recordingToken,
        @Nullable String userEmail,
        Secret sdkSignature,
        String sdkKey) {
    public JoinRequest {
        Objects.requireNonNull(meetingNumber, "meetingNumber");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(sdkSignature, "sdkSignature");
        Objects.requireNonNull(sdkKey, "sdkKey");
        if (zak != null && obfToken != null) {
            throw new IllegalArgumentException("a join carries a ZAK or an OBF token, never both (Zoom answers 3636)");
        }
        if (role != 0 && role != 1) {
            throw new IllegalArgumentException("role must be 0 or 1, was " + role);
        }
    }
}
