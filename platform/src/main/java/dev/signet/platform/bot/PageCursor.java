package dev.signet.platform.bot;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An opaque list cursor: the sort key of the bot a page continues from, and the direction.
 *
 * <p>Bots are listed newest first ({@code created_at}, then {@code id}); a {@code next} cursor continues after
 * its key, a {@code previous} cursor returns the page before it.
 *
 * @param forward {@code true} for {@code next}, {@code false} for {@code previous}
 */
record PageCursor(boolean forward, Instant createdAt, UUID id) {
    String encode() {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, createdAt);
        String text = (forward ? "n" : "p") + "|" + micros + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor, or {@code null} when {@code text} is not one this platform made. */
    static @Nullable PageCursor decode(String text) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            String[] parts = plain.split("\\|", -1);
            if (parts.length != 3 || !(parts[0].equals("n") || parts[0].equals("p"))) {
                return null;
            }
            Instant at = Instant.EPOCH.plus(Long.parseLong(parts[1]), ChronoUnit.MICROS);
            return new PageCursor(parts[0].equals("n"), at, UUID.fromString(parts[2]));
        } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
            return null;
        }
    }
}
