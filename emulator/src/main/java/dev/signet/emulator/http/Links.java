package dev.signet.emulator.http;

/** The emulator's own base URL, known once the server listens, for links in answers (avatars, api_url). */
public final class Links {
    private volatile String base = "http://127.0.0.1";

    /** Sets the base URL (scheme, host, port; no trailing slash). */
    public void setBase(String baseUrl) {
        base = (baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl);
    }

    /** The base URL, e.g. {@code http://127.0.0.1:41234}. */
    public String base() {
        return base;
    }

    /** The generated avatar of a user. */
    public String avatar(String userId) {
        return base() + "/emulator/avatars/" + UrlText.encode(userId) + ".svg";
    }
}
