package dev.signet.zoom;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * Zoom answered with an error status. Carries what Zoom said: the HTTP status, Zoom's numeric {@code code} (REST
 * API) or {@code error} name (OAuth), its message, the {@code x-zm-trackingid} header and, for rate limits, when to
 * retry. OAuth endpoints' refusals ({@code {"reason","error"}}) of the user-OAuth calls are the subclass
 * {@link ZoomOAuthException}. The message looks like {@code Zoom answered 404 (code 1001): User does not exist: x@y.} and never carries
 * a token.
 */
public sealed class ZoomApiException extends ZoomException permits ZoomOAuthException {
    /** Zoom's code for "Invalid access token." / "Access token is expired.". */
    public static final int INVALID_ACCESS_TOKEN = 124;

    /** Zoom's code for "User does not exist". */
    public static final int USER_NOT_FOUND = 1001;

    private final int status;
    private final OptionalInt code;
    private final @Nullable String error;
    private final String zoomMessage;
    private final @Nullable String trackingId;
    private final @Nullable Instant retryAfter;
    private final @Nullable String rateLimitType;
    private final @Nullable String rateLimitCategory;

    /**
     * Everything Zoom said.
     *
     * @param status HTTP status (4xx or 5xx)
     * @param code Zoom's numeric {@code code} from a REST error body, if any
     * @param error Zoom's {@code error} name from an OAuth error body (e.g. {@code invalid_client}), if any
     * @param zoomMessage Zoom's {@code message} (REST) or {@code reason} (OAuth); empty when there was none
     * @param trackingId the {@code x-zm-trackingid} header
     * @param retryAfter the {@code Retry-After} header resolved to an instant
     * @param rateLimitType the {@code X-RateLimit-Type} header ({@code QPS}, {@code Daily-limit})
     * @param rateLimitCategory the {@code X-RateLimit-Category} header ({@code Light}, …)
     */
    public ZoomApiException(
            int status,
            OptionalInt code,
            @Nullable String error,
            String zoomMessage,
            @Nullable String trackingId,
            @Nullable Instant retryAfter,
            @Nullable String rateLimitType,
            @Nullable String rateLimitCategory) {
        super(describe(status, code, error, zoomMessage), null);
        this.status = status;
        this.code = code;
        this.error = error;
        this.zoomMessage = zoomMessage;
        this.trackingId = trackingId;
        this.retryAfter = retryAfter;
        this.rateLimitType = rateLimitType;
        this.rateLimitCategory = rateLimitCategory;
    }

    /** A REST error with only a status, a code and a message (handy in fakes and tests). */
    public ZoomApiException(int status, OptionalInt code, String zoomMessage) {
        this(status, code, null, zoomMessage, null, null, null, null);
    }

    private static String describe(int status, OptionalInt code, @Nullable String error, String zoomMessage) {
        StringBuilder text = new StringBuilder("Zoom answered ").append(status);
        if (code.isPresent()) {
            text.append(" (code ").append(code.getAsInt()).append(')');
        } else if (error != null) {
            text.append(" (").append(error).append(')');
        }
        if (zoomMessage.isEmpty()) {
            text.append('.');
        } else {
            text.append(": ").append(zoomMessage);
        }
        return text.toString();
    }

    public int status() {
        return status;
    }

    /** Zoom's numeric error code ({@code 124}, {@code 1001}, {@code 429}…), absent for OAuth errors. */
    public OptionalInt code() {
        return code;
    }

    /** Zoom's OAuth error name ({@code invalid_client}, {@code unsupported_grant_type}…), absent for REST errors. */
    public Optional<String> error() {
        return Optional.ofNullable(error);
    }

    /** Zoom's human-readable message; empty when the answer had none. */
    public String zoomMessage() {
        return zoomMessage;
    }

    /** The {@code x-zm-trackingid} header (quote it to Zoom support); null when absent. */
    public @Nullable String trackingId() {
        return trackingId;
    }

    /** When Zoom allows the next call, from {@code Retry-After}; absent when Zoom did not say. */
    public Optional<Instant> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** The {@code X-RateLimit-Type} header: {@code QPS} or {@code Daily-limit}. */
    public Optional<String> rateLimitType() {
        return Optional.ofNullable(rateLimitType);
    }

    /** The {@code X-RateLimit-Category} header: {@code Light}, {@code Medium}, {@code Heavy}… */
    public Optional<String> rateLimitCategory() {
        return Optional.ofNullable(rateLimitCategory);
    }

    /** HTTP 429: slow down, see {@link #retryAfter()}. */
    public boolean isRateLimited() {
        return status == 429;
    }

    /** 401 with code 124: the access token is invalid or expired; fetch a new one. */
    public boolean isInvalidAccessToken() {
        return status == 401 && code.orElse(0) == INVALID_ACCESS_TOKEN;
    }

    /** Code 1001: the user does not exist (in this account). */
    public boolean isUserNotFound() {
        return code.orElse(0) == USER_NOT_FOUND;
    }

    /** 5xx: Zoom itself failed; the same call may succeed later. */
    public boolean isServerError() {
        return status >= 500;
    }

    /** The OAuth credentials were refused ({@code invalid_client}). */
    public boolean isInvalidClient() {
        return "invalid_client".equals(error);
    }
}
