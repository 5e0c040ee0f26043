package dev.signet.platform.driver;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A participant as a driver reports it.
 *
 * @param id the meeting's id for the participant
 * @param displayName the name shown in the meeting
 * @param email the signed-in user's email, if any
 * @param avatarUrl the signed-in user's avatar, if any
 * @param signedIn whether the participant joined as a Zoom user
 * @param host whether the participant is the host
 * @param self whether the participant is this bot itself
 */
public record MeetingParticipant(
        String id,
        String displayName,
        @Nullable String email,
        @Nullable String avatarUrl,
        boolean signedIn,
        boolean host,
        boolean self) {
    public MeetingParticipant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
    }
}
