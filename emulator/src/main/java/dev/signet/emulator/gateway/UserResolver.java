package dev.signet.emulator.gateway;

import dev.signet.emulator.directory.Directory;
import dev.signet.emulator.directory.User;
import dev.signet.emulator.http.ZoomApiException;
import dev.signet.emulator.oauth.AccessToken;

/** Resolves the {@code {userId}} of a Zoom path (an id, an email or {@code me}) for a caller's token. */
public final class UserResolver {
    private final Directory directory;

    public UserResolver(Directory directory) {
        this.directory = directory;
    }

    /**
     * The user, when the caller may see them: {@code me} and user-level tokens mean the authorizing user; S2S tokens
     * see only their own account's users (others are 1001, as if absent).
     */
    public User resolve(String userId, AccessToken token) {
        String authorizer = token.userId();
        if (authorizer != null) {
            User self = directory.findUser(authorizer).orElseThrow(() -> ZoomApiException.userNotFound(userId));
            if (userId.equals("me") || userId.equals(self.id()) || userId.equalsIgnoreCase(self.email())) {
                return self;
            }
            throw new ZoomApiException(400, 200, "No permission.");
        }
        return directory
                .findUser(userId)
                .filter(u -> u.accountId().equals(token.accountId()))
                .orElseThrow(() -> ZoomApiException.userNotFound(userId));
    }
}
