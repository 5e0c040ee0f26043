package dev.signet.platform.bot;

import dev.signet.secrets.Secret;
import dev.signet.secrets.UrlRedaction;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Validates token URLs ({@code zak_url} and friends) at creation and redacts them for display.
 *
 * <p>Only {@code https} is accepted; plain {@code http} only when the platform allows loopback token URLs and
 * the host is a loopback literal or {@code localhost}. The runtime checks the resolved address again before each
 * fetch; this is the early, friendly check. Messages never quote the URL.
 */
final class TokenUrls {
    private static final int MAX_LENGTH = 2048;
    private static final Pattern LOOPBACK_V4 = Pattern.compile("127\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}");

    private final boolean allowLoopbackHttp;

    TokenUrls(boolean allowLoopbackHttp) {
        this.allowLoopbackHttp = allowLoopbackHttp;
    }

    /** Returns why {@code value} is not an acceptable token URL, or {@code null} when it is. */
    @Nullable
    String problem(String value) {
        if (value.isBlank()) {
            return "must not be blank.";
        }
        if (value.length() > MAX_LENGTH) {
            return "must be at most " + MAX_LENGTH + " characters.";
        }
        URI uri;
        try {
            uri = new URI(value.strip());
        } catch (URISyntaxException e) {
            return "is not a valid URL.";
        }
        String scheme = uri.getScheme();
        if (scheme == null || !uri.isAbsolute() || uri.isOpaque()) {
            return "must be an absolute https URL.";
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            return "has no valid host.";
        }
        if (uri.getRawUserInfo() != null) {
            return "must not contain user information.";
        }
        if (uri.getRawFragment() != null) {
            return "must not contain a fragment.";
        }
        return switch (scheme.toLowerCase(Locale.ROOT)) {
            case "https" -> null;
            case "http" ->
                allowLoopbackHttp && isLoopback(host)
                        ? null
                        : allowLoopbackHttp
                                ? "must use https; plain http is allowed only for loopback hosts (127.0.0.1, [::1], localhost)."
                                : "must use https.";
            default -> "must use https.";
        };
    }

    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost")
                || h.equals("[::1]")
                || LOOPBACK_V4.matcher(h).matches();
    }

    /** The URL with every query value replaced by {@code REDACTED} ({@link UrlRedaction}). */
    static @Nullable String redact(@Nullable Secret url) {
        return url == null ? null : UrlRedaction.redactQuery(url.reveal());
    }
}
