package dev.signet.secrets.settings;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The one duration syntax of every setting: a whole number and a unit, {@code 500ms}, {@code 30s}, {@code 5m}. */
public final class Durations {
    private static final Pattern DURATION = Pattern.compile("([0-9]{1,12})(ms|s|m|h|d)?");

    private Durations() {}

    /**
     * Parses {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h} or {@code 7d}; a bare number counts {@code bare} units
     * (what it meant before units were accepted), or is refused when {@code bare} is null.
     *
     * @throws IllegalArgumentException whose message is a rule ("must be …") fit to follow a setting's name
     */
    public static Duration parse(String text, @Nullable ChronoUnit bare) {
        Matcher m = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches() || (m.group(2) == null && bare == null)) {
            throw new IllegalArgumentException(rule(bare));
        }
        long amount = Long.parseLong(m.group(1));
        String unit = m.group(2);
        if (unit == null) {
            return Duration.of(amount, bare);
        }
        return switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }

    /** What {@link #parse} accepts, as a rule for an error message or a doc line. */
    static String rule(@Nullable ChronoUnit bare) {
        return "must be a duration like 500ms, 30s, 5m, 2h or 7d"
                + (bare == null
                        ? ""
                        : " (a bare number counts " + bare.toString().toLowerCase(Locale.ROOT) + ")");
    }
}
