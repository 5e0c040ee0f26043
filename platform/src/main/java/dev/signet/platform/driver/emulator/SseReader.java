package dev.signet.platform.driver.emulator;

import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * Parses a server-sent event stream line by line: {@code event:} and {@code data:} fields, a blank line dispatches,
 * {@code :} lines are comments (keep-alive pings).
 */
final class SseReader {
    private final BiConsumer<String, String> onEvent;
    private @Nullable String name;
    private final StringBuilder data = new StringBuilder();

    SseReader(BiConsumer<String, String> onEvent) {
        this.onEvent = onEvent;
    }

    void line(String line) {
        if (line.isEmpty()) {
            if (!data.isEmpty() || name != null) {
                onEvent.accept(name == null ? "message" : name, data.toString());
            }
            name = null;
            data.setLength(0);
            return;
        }
        if (line.startsWith(":")) {
            return;
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (field) {
            case "event" -> name = value;
            case "data" -> {
                if (!data.isEmpty()) {
                    data.append('\n');
                }
                data.append(value);
            }
            default -> {
                // id and retry are not used by the emulator
            }
        }
    }
}
