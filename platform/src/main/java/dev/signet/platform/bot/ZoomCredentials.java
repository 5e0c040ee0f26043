package dev.signet.platform.bot;

import dev.signet.secrets.Secret;
import org.jspecify.annotations.Nullable;

/**
 * The full token URLs of a bot's {@code zoom} object, query strings included; they are credentials.
 *
 * @param zakUrl the full {@code zak_url}
 * @param obfTokenUrl the full {@code obf_token_url}
 * @param joinTokenUrl the full {@code join_token_url}
 * @param userEmail the email the bot reports to Zoom, if any (not a secret)
 */
record ZoomCredentials(
        @Nullable Secret zakUrl,
        @Nullable Secret obfTokenUrl,
        @Nullable Secret joinTokenUrl,
        @Nullable String userEmail) {
    static final ZoomCredentials NONE = new ZoomCredentials(null, null, null, null);

    /** What the API shows of these credentials. */
    ZoomSettings redacted() {
        return new ZoomSettings(
                TokenUrls.redact(zakUrl), TokenUrls.redact(obfTokenUrl), TokenUrls.redact(joinTokenUrl), userEmail);
    }
}
