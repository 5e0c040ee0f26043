package dev.signet.platform.bot;

import org.jspecify.annotations.Nullable;

/**
 * A bot's {@code zoom} object as shown: token URLs with every query value replaced by {@code REDACTED}.
 *
 * @param zakUrl the redacted {@code zak_url}
 * @param obfTokenUrl the redacted {@code obf_token_url}
 * @param joinTokenUrl the redacted {@code join_token_url}
 * @param userEmail the email the bot reports to Zoom, if any
 */
public record ZoomSettings(
        @Nullable String zakUrl,
        @Nullable String obfTokenUrl,
        @Nullable String joinTokenUrl,
        @Nullable String userEmail) {
    /** No token URLs. */
    public static final ZoomSettings NONE = new ZoomSettings(null, null, null, null);
}
