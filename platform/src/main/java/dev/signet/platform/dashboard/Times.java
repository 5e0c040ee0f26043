package dev.signet.platform.dashboard;

import dev.signet.platform.dashboard.Model.When;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Shows instants as UTC date-times and as "3 min ago" / "in 2 h" (the page's script keeps the latter fresh). */
final class Times {
    private static final DateTimeFormatter ABSOLUTE = DateTimeFormatter.ofPattern(
                    "yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final Clock clock;

    Times(Clock clock) {
        this.clock = clock;
    }

    When of(Instant at) {
        return new When(at.truncatedTo(ChronoUnit.SECONDS).toString(), ABSOLUTE.format(at), relative(at));
    }

    @Nullable
    When parse(@Nullable String iso) {
        if (iso == null || iso.isBlank()) {
            return null;
        }
        try {
            return of(Instant.parse(iso));
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    String relative(Instant at) {
        Duration d = Duration.between(clock.instant(), at);
        boolean future = !d.isNegative();
        long s = Math.abs(d.toSeconds());
        String amount;
        if (s < 10) {
            return "just now";
        } else if (s < 60) {
            amount = s + " s";
        } else if (s < 3600) {
            amount = s / 60 + " min";
        } else if (s < 86_400) {
            amount = s / 3600 + " h";
        } else {
            amount = s / 86_400 + " d";
        }
        return future ? "in " + amount : amount + " ago";
    }
}
