package dev.signet.emulator.http;

import java.util.List;

/** Zoom's REST error answer: {@code {"code":N,"message":"…"}} with an HTTP status (and validation errors). */
public final class ZoomApiException extends RuntimeException {
    /** One entry of a validation error's {@code errors} array. */
    public record FieldError(String field, String message) {}

    private final int status;
    private final int code;
    private final List<FieldError> errors;

    public ZoomApiException(int status, int code, String message) {
        this(status, code, message, List.of());
    }

    public ZoomApiException(int status, int code, String message, List<FieldError> errors) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.errors = List.copyOf(errors);
    }

    /** Zoom's 300 "Validation Failed." naming one bad field. */
    public static ZoomApiException validation(String field, String message) {
        return new ZoomApiException(400, 300, "Validation Failed.", List.of(new FieldError(field, message)));
    }

    /** 401 code 124 "Invalid access token.". */
    public static ZoomApiException invalidToken() {
        return new ZoomApiException(401, 124, "Invalid access token.");
    }

    /** 404 code 1001 "User does not exist: {userId}.". */
    public static ZoomApiException userNotFound(String userId) {
        return new ZoomApiException(404, 1001, "User does not exist: " + userId + ".");
    }

    /** 404 code 3001 "Meeting does not exist: {id}.". */
    public static ZoomApiException meetingNotFound(String meetingId) {
        return new ZoomApiException(404, 3001, "Meeting does not exist: " + meetingId + ".");
    }

    public int status() {
        return status;
    }

    public int code() {
        return code;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
