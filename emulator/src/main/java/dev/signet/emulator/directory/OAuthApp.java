package dev.signet.emulator.directory;

import dev.signet.emulator.secret.Secret;
import java.util.List;
import java.util.Set;

/**
 * A user-level OAuth app: users authorize it on the consent page; a redirect URI must start with one of
 * {@code redirectUris}, as Zoom's allow list works.
 */
public record OAuthApp(
        String clientId, Secret clientSecret, String accountId, List<String> redirectUris, Set<String> scopes) {
    /** What a user-level app may do unless its seed lists scopes. */
    public static final Set<String> DEFAULT_SCOPES = Set.of(
            "user:read:user",
            "user:read:token",
            "user:read:zak",
            "meeting:read:meeting",
            "meeting:write:meeting",
            "meeting:update:meeting",
            "meeting:delete:meeting",
            "meeting:update:status");

    public OAuthApp {
        Names.require("oauth client_id", clientId);
        Names.require("oauth account_id", accountId);
        redirectUris = List.copyOf(redirectUris);
        scopes = Set.copyOf(scopes);
        if (redirectUris.isEmpty()) {
            throw new IllegalArgumentException("oauth redirect_uris must not be empty");
        }
    }

    /** Whether {@code redirectUri} is on this app's allow list. */
    public boolean allowsRedirect(String redirectUri) {
        return redirectUris.stream().anyMatch(redirectUri::startsWith);
    }
}
