package dev.signet.emulator.oauth;

import dev.signet.emulator.http.ZoomApiException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Zoom's scope check: a user-level token needs {@code x}, an account-level one {@code x} or {@code x:admin}. */
public final class Scopes {
    private Scopes() {}

    /** Passes when the token has any of {@code scopes}; otherwise 400 code 4711 listing them. */
    public static void require(AccessToken token, String... scopes) {
        for (String scope : scopes) {
            if (token.scopes().contains(scope)
                    || (!token.userLevel() && token.scopes().contains(scope + ":admin"))) {
                return;
            }
        }
        String listed = Arrays.stream(scopes)
                .map(s -> token.userLevel() ? s : s + ":admin")
                .collect(Collectors.joining(","));
        throw new ZoomApiException(400, 4711, "Invalid access token, does not contain scopes:[" + listed + "].");
    }
}
