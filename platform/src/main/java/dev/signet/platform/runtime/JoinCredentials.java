package dev.signet.platform.runtime;

import dev.signet.secrets.Secret;
import org.jspecify.annotations.Nullable;

/**
 * What a bot fetches and presents at each join attempt: its token URLs (decrypted, query strings included; they are
 * credentials) and the email it reports to Zoom.
 *
 * <p>A bot holds at most one of {@code zakUrl} and {@code obfTokenUrl}: Zoom refuses a join that carries both a ZAK
 * and an OBF token (3636), so the API rejects a bot with both ({@link #conflicting()}).
 *
 * @param zakUrl fetched before each attempt; the ZAK joins as its user (own account's meetings)
 * @param obfTokenUrl fetched before each attempt with {@code meeting_id} and {@code bot_id} appended; the OBF token
 *     joins on behalf of a user present in the meeting (other accounts' meetings)
 * @param joinTokenUrl fetched before each attempt like {@code obfTokenUrl}; a local-recording join token, 404 = none
 * @param userEmail the SDK's {@code userEmail}, if any
 */
public record JoinCredentials(
        @Nullable Secret zakUrl,
        @Nullable Secret obfTokenUrl,
        @Nullable Secret joinTokenUrl,
        @Nullable String userEmail) {
    /** No token URLs: the bot joins anonymously. */
    public static final JoinCredentials NONE = new JoinCredentials(null, null, null, null);

    /** Whether both a ZAK and an OBF URL are set: the API refuses that, but rows stored before it did may have it. */
    public boolean conflicting() {
        return zakUrl != null && obfTokenUrl != null;
    }

    /** Only a {@code zak_url} (or none). */
    public static JoinCredentials zak(@Nullable Secret zakUrl) {
        return new JoinCredentials(zakUrl, null, null, null);
    }

    /** Which credential the bot presents to Zoom. */
    public Presented presented() {
        return zakUrl != null ? Presented.ZAK : obfTokenUrl != null ? Presented.OBF : Presented.NONE;
    }

    /** The credential a join attempt presents; it decides how Zoom's sign-in refusals read. */
    public enum Presented {
        /** Anonymous. */
        NONE,
        /** A ZAK: the bot joins as the ZAK's user. */
        ZAK,
        /** An OBF token: the bot joins on behalf of a user present in the meeting. */
        OBF
    }
}
