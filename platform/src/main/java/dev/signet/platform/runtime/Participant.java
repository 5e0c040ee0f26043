package dev.signet.platform.runtime;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A meeting participant as a bot saw it (the bot object's {@code meeting_participants}).
 *
 * @param id the meeting's id for the participant
 * @param displayName the name shown in the meeting
 * @param email the signed-in user's email, {@code null} for anonymous participants
 * @param avatarUrl the signed-in user's avatar, if any
 * @param signedIn whether the participant joined as a Zoom user
 * @param host whether the participant is the meeting's host
 */
public record Participant(
        String id,
        String displayName,
        @Nullable String email,
        @Nullable String avatarUrl,
        boolean signedIn,
        boolean host) {
    public Participant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
    }
}
