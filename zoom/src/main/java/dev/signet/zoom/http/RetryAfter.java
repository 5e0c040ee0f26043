package dev.signet.zoom.http;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Reads a {@code Retry-After} header. Zoom sends delta-seconds or an ISO-8601 timestamp; HTTP allows an RFC 1123
 * date. An ISO timestamp without a zone is taken as UTC. Anything else reads as "not said".
 */
public final class RetryAfter {
    /** Longer than any sane back-off; a bigger delta is treated as garbage rather than overflowing. */
    private static final long MAX_SECONDS = 366L * 24 * 3600;

    private RetryAfter() {}

    /**
     * When the next call is allowed, or null when the header is absent or unreadable.
     *
     * @param header the raw header value
     * @param clock resolves delta-seconds against "now"
     */
    public static @Nullable Instant parse(@Nullable String header, Clock clock) {
        if (header == null) {
            return null;
        }
        String value = header.strip();
        if (value.isEmpty()) {
            return null;
        }
        if (value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return deltaSeconds(value, clock);
        }
        Instant iso = iso(value);
        if (iso != null) {
            return iso;
        }
        return httpDate(value);
    }

    private static @Nullable Instant deltaSeconds(String digits, Clock clock) {
        if (digits.length() > 12) {
            return null;
        }
        long seconds = Long.parseLong(digits);
        return seconds > MAX_SECONDS ? null : clock.instant().plusSeconds(seconds);
    }

    private static @Nullable Instant iso(String value) {
        try {
            return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .toInstant();
        } catch (DateTimeParseException notWithOffset) {
            // try without a zone below
        }
        try {
            return LocalDateTime.parse(value, DateTimeFormatter.ISO_LOCAL_DATE_TIME)
                    .toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notIso) {
            return null;
        }
    }

    private static @Nullable Instant httpDate(String value) {
        try {
            return OffsetDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ROOT))
                    .toInstant();
        } catch (DateTimeParseException notHttpDate) {
            return null;
        }
    }
}
