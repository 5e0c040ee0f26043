package dev.signet.zoom;

import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * Zoom's OAuth endpoint refused a call: a Server-to-Server token request (any error status, 429 included, so callers
 * can tell an account's OAuth failure from a refusal of one user), or a user-OAuth call answered with
 * {@code {"reason":"…","error":"…"}}: an authorization code, refresh token or client that Zoom does not accept. {@link #isInvalidGrant()} tells a grant that is gone for good
 * (used, expired or revoked refresh token or code) from a misconfigured app ({@link #isInvalidClient()}). Like every
 * {@link ZoomException}, the message never carries the code, token or client secret.
 */
public final class ZoomOAuthException extends ZoomApiException {
    /** Zoom's OAuth error for a code or refresh token it no longer accepts. */
    public static final String INVALID_GRANT = "invalid_grant";

    /**
     * What Zoom's OAuth endpoint said.
     *
     * @param status HTTP status (4xx)
     * @param error Zoom's {@code error} name, e.g. {@code invalid_grant}
     * @param reason Zoom's {@code reason}, cleaned of secrets; may be empty
     * @param trackingId the {@code x-zm-trackingid} header, if any
     */
    public ZoomOAuthException(int status, String error, String reason, @Nullable String trackingId) {
        super(status, OptionalInt.empty(), error, reason, trackingId, null, null, null);
    }

    /** The same answer, marked as coming from the OAuth endpoint. */
    public ZoomOAuthException(ZoomApiException answer) {
        super(
                answer.status(),
                answer.code(),
                answer.error().orElse(null),
                answer.zoomMessage(),
                answer.trackingId(),
                answer.retryAfter().orElse(null),
                answer.rateLimitType().orElse(null),
                answer.rateLimitCategory().orElse(null));
    }

    /** The error name Zoom gave ({@code invalid_grant}, {@code invalid_client}, {@code invalid_request}…). */
    public String errorName() {
        return error().orElse("");
    }

    /**
     * The code or refresh token is no longer accepted: used already, expired, or the user revoked the app. A refresh
     * that fails this way means the user must connect again.
     */
    public boolean isInvalidGrant() {
        return INVALID_GRANT.equals(errorName());
    }

    /** An OAuth refusal with error name {@code error}, for fakes and tests. */
    public static ZoomOAuthException of(int status, String error, String reason) {
        return new ZoomOAuthException(status, error, reason, null);
    }
}
