package dev.signet.platform.runtime;

import dev.signet.secrets.Secret;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the runtime needs to run one bot: the parsed meeting, the name, the token URL and the leave rules.
 *
 * @param id the bot's id
 * @param botName the display name in the meeting
 * @param meetingNumber the Zoom meeting number
 * @param meetingPassword the passcode (or Zoom's encrypted {@code pwd}), if any
 * @param tk the registration token from the meeting URL, if any
 * @param credentials the token URLs fetched before each join attempt and the email reported to Zoom
 * @param automaticLeave when the bot leaves on its own
 * @param joinAt when the bot is due; {@code null} for "now"
 * @param currentStatus the last status code recorded for the bot
 */
public record RunnableBot(
        UUID id,
        String botName,
        String meetingNumber,
        @Nullable String meetingPassword,
        @Nullable String tk,
        JoinCredentials credentials,
        AutomaticLeave automaticLeave,
        @Nullable Instant joinAt,
        String currentStatus) {
    public RunnableBot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(botName, "botName");
        Objects.requireNonNull(meetingNumber, "meetingNumber");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(automaticLeave, "automaticLeave");
        Objects.requireNonNull(currentStatus, "currentStatus");
    }

    /** The full {@code zak_url}, if the bot has one. */
    public @Nullable Secret zakUrl() {
        return credentials.zakUrl();
    }
}
