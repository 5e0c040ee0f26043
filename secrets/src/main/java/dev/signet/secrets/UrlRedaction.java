package dev.signet.secrets;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * A URL fit to show in a response, a log line or a database column: a query string may carry a credential (a
 * {@code zak_url}'s {@code ?token=}, a webhook receiver's key), so every query value is replaced.
 */
public final class UrlRedaction {
    /** What stands in for each query value, and for a whole URL that does not parse. */
    public static final String REDACTED = "REDACTED";

    private UrlRedaction() {}

    /**
     * {@code scheme://host[:port]path?key=REDACTED&…}: keys are kept, values (and a bare parameter, which may be the
     * secret itself) replaced; user information and fragment are dropped; {@link #REDACTED} when {@code url} does not
     * parse.
     */
    public static String redactQuery(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            return REDACTED;
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            return REDACTED;
        }
        StringBuilder out = new StringBuilder(uri.getScheme()).append("://").append(uri.getHost());
        if (uri.getPort() >= 0) {
            out.append(':').append(uri.getPort());
        }
        if (uri.getRawPath() != null) {
            out.append(uri.getRawPath());
        }
        String query = uri.getRawQuery();
        if (query != null) {
            String[] pairs = query.split("&", -1);
            for (int i = 0; i < pairs.length; i++) {
                int eq = pairs[i].indexOf('=');
                out.append(i == 0 ? '?' : '&').append(eq < 0 ? REDACTED : pairs[i].substring(0, eq + 1) + REDACTED);
            }
        }
        return out.toString();
    }
}
