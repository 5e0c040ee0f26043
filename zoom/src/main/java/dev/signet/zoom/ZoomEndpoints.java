package dev.signet.zoom;

import java.net.URI;
import java.util.Locale;

/**
 * Where Zoom lives: the OAuth origin ({@code https://zoom.us}) and the REST API base including its version
 * ({@code https://api.zoom.us/v2}). Any http(s) URL works, e.g. a local emulator.
 *
 * @param oauthBase origin of {@code /oauth/token}; no trailing slash
 * @param apiBase base the REST paths ({@code /users/…}) are appended to; no trailing slash
 */
public record ZoomEndpoints(URI oauthBase, URI apiBase) {
    /** Commercial Zoom. */
    public static final ZoomEndpoints ZOOM = of("https://zoom.us", "https://api.zoom.us/v2");

    /** ZoomGov. */
    public static final ZoomEndpoints ZOOMGOV = of("https://zoomgov.com", "https://api.zoomgov.com/v2");

    public ZoomEndpoints {
        oauthBase = normalize("oauthBase", oauthBase);
        apiBase = normalize("apiBase", apiBase);
    }

    /** Parses both bases; a trailing slash is dropped. */
    public static ZoomEndpoints of(String oauthBase, String apiBase) {
        return new ZoomEndpoints(parse("oauthBase", oauthBase), parse("apiBase", apiBase));
    }

    /** The S2S OAuth token endpoint, {@code {oauthBase}/oauth/token}. */
    public URI oauthTokenUri() {
        return URI.create(oauthBase + "/oauth/token");
    }

    /**
     * A REST URI: {@code {apiBase}{pathAndQuery}}.
     *
     * @param pathAndQuery starts with {@code /}; path segments already encoded
     */
    public URI api(String pathAndQuery) {
        if (!pathAndQuery.startsWith("/")) {
            throw new IllegalArgumentException("API path must start with '/': " + pathAndQuery);
        }
        return URI.create(apiBase + pathAndQuery);
    }

    private static URI parse(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        try {
            return new URI(value.strip());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(field + " is not a URL: " + value, e);
        }
    }

    private static URI normalize(String field, URI uri) {
        if (uri == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if ((!scheme.equals("http") && !scheme.equals("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException(field + " must be an absolute http(s) URL: " + uri);
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException(field + " must not carry user info, a query or a fragment: " + uri);
        }
        String text = uri.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return URI.create(text);
    }
}
