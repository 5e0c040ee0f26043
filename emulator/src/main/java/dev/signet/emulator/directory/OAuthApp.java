package dev.signet.emulator.directory;

import dev.signet.emulator.secret.Secret;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A user-level OAuth app: users authorize it on the consent page; a redirect URI must start with one of
 * {@code redirectUris}, as Zoom's allow list works. With an {@code eventUrl} (its event notification endpoint) and
 * {@code secretToken} (its webhook secret token), Zoom posts signed events such as {@code app_deauthorized} to it.
 */
public record OAuthApp(
        String clientId,
        Secret clientSecret,
        String accountId,
        List<String> redirectUris,
        Set<String> scopes,
        @Nullable URI eventUrl,
        @Nullable Secret secretToken) {
    /** What a user-level app may do unless its seed lists scopes. */
    public static final Set<String> DEFAULT_SCOPES = Set.of(
            "user:read:user",
            "user:read:token",
            "user:read:zak",
            "meeting:read:meeting",
            "meeting:write:meeting",
            "meeting:update:meeting",
            "meeting:delete:meeting",
            "meeting:update:status",
            "meeting:read:local_recording_token");

    public OAuthApp {
        Names.require("oauth client_id", clientId);
        Names.require("oauth account_id", accountId);
        redirectUris = List.copyOf(redirectUris);
        scopes = Set.copyOf(scopes);
        if (redirectUris.isEmpty()) {
            throw new IllegalArgumentException("oauth redirect_uris must not be empty");
        }
        if ((eventUrl == null) != (secretToken == null)) {
            throw new IllegalArgumentException("oauth app " + clientId + ": event_url and secret_token go together");
        }
        if (eventUrl != null) {
            String scheme = String.valueOf(eventUrl.getScheme()).toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || eventUrl.getHost() == null) {
                throw new IllegalArgumentException("oauth app " + clientId + ": event_url must be an http(s) URL");
            }
        }
    }

    /** An app without an event notification endpoint. */
    public OAuthApp(
            String clientId, Secret clientSecret, String accountId, List<String> redirectUris, Set<String> scopes) {
        this(clientId, clientSecret, accountId, redirectUris, scopes, null, null);
    }

    /** Parses a seeded {@code event_url}; null stays null. */
    public static @Nullable URI eventUrl(@Nullable String text) {
        if (text == null) {
            return null;
        }
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("event_url is not a URL: " + e.getReason(), e);
        }
    }

    /** Whether {@code redirectUri} is on this app's allow list. */
    public boolean allowsRedirect(String redirectUri) {
        return redirectUris.stream().anyMatch(redirectUri::startsWith);
    }
}
