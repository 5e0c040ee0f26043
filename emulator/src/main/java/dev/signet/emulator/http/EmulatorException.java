package dev.signet.emulator.http;

/**
 * An error of the emulator's own protocols (join, host controls, admin): {@code {"error_code":N,"reason":"…"}}.
 */
public final class EmulatorException extends RuntimeException {
    private final int status;
    private final int errorCode;

    public EmulatorException(int status, int errorCode, String reason) {
        super(reason, null, false, false);
        this.status = status;
        this.errorCode = errorCode;
    }

    /** 400 with error_code 1: the request is malformed; {@code reason} names the field. */
    public static EmulatorException badRequest(String reason) {
        return new EmulatorException(400, 1, reason);
    }

    /** 404 with error_code 404 naming what was not found. */
    public static EmulatorException notFound(String what) {
        return new EmulatorException(404, 404, what + " not found");
    }

    /** 409 with error_code 409: the request conflicts with the current state. */
    public static EmulatorException conflict(String reason) {
        return new EmulatorException(409, 409, reason);
    }

    public int status() {
        return status;
    }

    public int errorCode() {
        return errorCode;
    }

    public String reason() {
        return String.valueOf(getMessage());
    }
}
