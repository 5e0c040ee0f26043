package dev.signet.emulator.oauth;

import dev.signet.emulator.directory.Directory;
import dev.signet.emulator.directory.OAuthApp;
import dev.signet.emulator.directory.User;
import dev.signet.emulator.http.EmulatorException;
import dev.signet.emulator.http.UrlText;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Zoom's {@code /oauth/authorize}: a person (or a test) picks a seeded user and approves or denies. */
public final class Consent {
    /** A validated authorization request. */
    record Request(
            OAuthApp app,
            String redirectUri,
            @Nullable String state,
            @Nullable Pkce pkce) {}

    private final Directory directory;
    private final Grants grants;

    public Consent(Directory directory, Grants grants) {
        this.directory = directory;
        this.grants = grants;
    }

    /** Checks the request's app and redirect URI; 400 naming the field when they are wrong. */
    Request validate(
            @Nullable String responseType,
            @Nullable String clientId,
            @Nullable String redirectUri,
            @Nullable String state,
            @Nullable String codeChallenge,
            @Nullable String codeChallengeMethod) {
        if (!"code".equals(responseType)) {
            throw EmulatorException.badRequest("response_type must be code");
        }
        OAuthApp app = directory
                .findOAuthApp(clientId == null ? "" : clientId)
                .orElseThrow(() -> EmulatorException.badRequest("client_id is not a user-level OAuth app"));
        if (redirectUri == null || !app.allowsRedirect(redirectUri)) {
            throw EmulatorException.badRequest("redirect_uri is not on the app's allow list");
        }
        return new Request(app, redirectUri, state, Pkce.from(codeChallenge, codeChallengeMethod));
    }

    /** The users a person may sign in as. */
    List<User> users() {
        return directory.users();
    }

    /** The URL to send the browser to after the decision: with {@code code} on approval, else an error. */
    String decide(Request request, boolean approve, @Nullable String userId) {
        String separator = request.redirectUri().contains("?") ? "&" : "?";
        String state = request.state() == null ? "" : "&state=" + UrlText.encode(request.state());
        if (!approve) {
            return request.redirectUri() + separator + "error=access_denied" + state;
        }
        User user = directory
                .findUser(userId == null ? "" : userId)
                .orElseThrow(() -> EmulatorException.badRequest("user_id is not a seeded user"));
        String code = grants.issueCode(request.app().clientId(), user.id(), request.redirectUri(), request.pkce());
        return request.redirectUri() + separator + "code=" + UrlText.encode(code) + state;
    }
}
