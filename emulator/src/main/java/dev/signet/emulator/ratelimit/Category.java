package dev.signet.emulator.ratelimit;

/** Zoom's rate-limit categories, with the names of its {@code X-RateLimit-Category} header. */
public enum Category {
    LIGHT("Light"),
    MEDIUM("Medium"),
    HEAVY("Heavy"),
    RESOURCE_INTENSIVE("Resource-intensive");

    private final String wire;

    Category(String wire) {
        this.wire = wire;
    }

    /** The header value. */
    public String wire() {
        return wire;
    }
}
