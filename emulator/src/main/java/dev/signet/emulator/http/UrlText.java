package dev.signet.emulator.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** URL encoding for query values and path segments. */
public final class UrlText {
    private UrlText() {}

    /** {@code value} percent-encoded (spaces as {@code %20}). */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
