package dev.signet.broker.zak;

import dev.signet.zoom.ZoomApiException;
import dev.signet.zoom.ZoomOAuthException;
import dev.signet.zoom.ZoomTransportException;

/** Classifies and describes Zoom failures in short, secret-free words. */
final class Failures {
    private static final int MISSING_SCOPE = 4711;
    private static final int INVALID_ACCESS_TOKEN = 124;

    private Failures() {}

    /**
     * Whether Zoom refused this one user rather than the account: 404 (code 1001, user does not exist) or another 400 or
     * 403 with a Zoom code other than a missing scope or a bad access token. An OAuth failure is the account's, never
     * one user's.
     */
    static boolean isUserRefused(ZoomApiException e) {
        if (e instanceof ZoomOAuthException) {
            return false;
        }
        if (e.isUserNotFound() || e.status() == 404) {
            return true;
        }
        if (e.status() != 400 && e.status() != 403) {
            return false;
        }
        return e.code().isPresent()
                && e.code().getAsInt() != MISSING_SCOPE
                && e.code().getAsInt() != INVALID_ACCESS_TOKEN;
    }

    static String describe(RuntimeException e) {
        return switch (e) {
            case ZoomOAuthException oauth -> "zoom oauth failed: " + answered(oauth);
            case ZoomApiException api -> answered(api);
            case ZoomTransportException t -> "zoom could not be reached or answered malformed data";
            case ZakCache.NotAZakException n -> "zoom answered with something that is not a ZAK";
            default -> "internal error";
        };
    }

    private static String answered(ZoomApiException api) {
        return "zoom answered HTTP " + api.status()
                + (api.code().isPresent() ? " code " + api.code().getAsInt() : "");
    }
}
