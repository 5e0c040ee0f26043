package dev.signet.zoom.users;

/**
 * The user a user-level access token belongs to, as {@code GET /users/me} describes them.
 *
 * @param id Zoom's user id
 * @param email the user's email
 * @param accountId the Zoom account the user belongs to ({@code account_id})
 * @param displayName {@code display_name}, else first and last name, else the email
 */
public record SignedInUser(String id, String email, String accountId, String displayName) {
    public SignedInUser {
        if (id == null
                || id.isBlank()
                || email == null
                || email.isBlank()
                || accountId == null
                || displayName == null) {
            throw new IllegalArgumentException("id, email, accountId and displayName are required");
        }
    }
}
