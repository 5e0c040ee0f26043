package dev.signet.zoom.users;

/** The kinds of user token Signet asks Zoom for ({@code type} of {@code GET /users/{userId}/token}). */
public enum TokenType {
    /** Zoom Access Key: joins (role 0) or starts (role 1, the host's) a meeting as that user. */
    ZAK("zak"),
    /** On-behalf-of token: lets an app join one meeting on behalf of a user who is in it. */
    ONBEHALF("onbehalf");

    private final String wire;

    TokenType(String wire) {
        this.wire = wire;
    }

    /** The value of Zoom's {@code type} query parameter. */
    public String wire() {
        return wire;
    }
}
