package dev.signet.emulator.directory;

import java.util.Locale;

/** A Zoom account's plan, which sets its rate limits. */
public enum Plan {
    FREE,
    PRO,
    /** Business and above (Business+, Enterprise): the highest rate limits. */
    BUSINESS;

    /** Parses {@code free}, {@code pro}, {@code business} (or {@code business+}, {@code enterprise}). */
    public static Plan parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "free", "basic" -> FREE;
            case "pro" -> PRO;
            case "business", "business+", "business_plus", "enterprise" -> BUSINESS;
            default -> throw new IllegalArgumentException("plan must be free, pro or business, not '" + text + "'");
        };
    }

    /** The name used in seeds and the admin API. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
