package dev.signet.emulator.http;

/** Zoom's OAuth error answer: {@code {"reason":"…","error":"…"}}, status 400 unless said otherwise. */
public final class OAuthException extends RuntimeException {
    private final int status;
    private final String error;

    public OAuthException(String error, String reason) {
        this(400, error, reason);
    }

    public OAuthException(int status, String error, String reason) {
        super(reason, null, false, false);
        this.status = status;
        this.error = error;
    }

    /** 400 invalid_client "Invalid client_id or client_secret". */
    public static OAuthException invalidClient() {
        return new OAuthException("invalid_client", "Invalid client_id or client_secret");
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    public String reason() {
        return String.valueOf(getMessage());
    }
}
