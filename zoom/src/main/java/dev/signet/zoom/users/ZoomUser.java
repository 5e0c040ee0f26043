package dev.signet.zoom.users;

import org.jspecify.annotations.Nullable;

/**
 * A Zoom user as {@code GET /users/{userId}} describes it.
 *
 * @param id Zoom's user id
 * @param email the user's email
 * @param displayName {@code display_name}, else first and last name, else the email
 * @param picUrl the avatar URL, if any
 */
public record ZoomUser(
        String id,
        String email,
        String displayName,
        @Nullable String picUrl) {
    public ZoomUser {
        if (id == null || id.isBlank() || email == null || displayName == null) {
            throw new IllegalArgumentException("id, email and displayName are required");
        }
    }
}
