package dev.signet.platform.http;

/**
 * An expected API failure that becomes {@code {"code", "detail"}} with its HTTP status.
 *
 * <p>The detail is shown to the client; it must never contain a credential.
 */
public final class ApiException extends RuntimeException {
    private final int status;
    private final String code;

    public ApiException(int status, String code, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
    }

    /** 404 {@code not_found}. */
    public static ApiException notFound(String detail) {
        return new ApiException(404, "not_found", detail);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String detail() {
        return String.valueOf(getMessage());
    }
}
