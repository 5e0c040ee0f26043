package dev.signet.platform.bot;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/** ISO-8601 instants as the API reads them: an offset or {@code Z} is required. */
final class Timestamps {
    private Timestamps() {}

    /** The instant, or {@code null} when {@code text} is not an ISO-8601 date-time with an offset. */
    static @Nullable Instant parse(String text) {
        String value = text.strip();
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }
}
