package dev.signet.emulator.meetings;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signet.emulator.http.ZoomApiException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Reads the JSON body of Zoom's create and update meeting calls, with Zoom's validation errors. */
final class MeetingBody {
    private MeetingBody() {}

    static MeetingUpdate read(JsonNode body) {
        if (!body.isObject()) {
            throw new ZoomApiException(400, 300, "Request Body should be a valid JSON object.");
        }
        JsonNode settings = body.path("settings");
        return new MeetingUpdate(
                text(body, "topic", 200),
                integer(body, "type"),
                instant(body, "start_time"),
                integer(body, "duration"),
                text(body, "timezone", 64),
                text(body, "agenda", 2000),
                password(body),
                bool(settings, "meeting_authentication"),
                domains(settings),
                bool(settings, "waiting_room"),
                bool(settings, "join_before_host"));
    }

    private static @Nullable String password(JsonNode body) {
        String password = text(body, "password", 64);
        if (password != null && (password.length() > 10 || !password.matches("[A-Za-z0-9@\\-_*]*"))) {
            throw ZoomApiException.validation(
                    "password", "Password can only contain [a-z A-Z 0-9 @ - _ *] and up to 10 characters.");
        }
        return password;
    }

    private static @Nullable String text(JsonNode node, String field, int max) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() || value.asText().length() > max) {
            throw ZoomApiException.validation(field, "Invalid field.");
        }
        return value.asText();
    }

    private static @Nullable Integer integer(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw ZoomApiException.validation(field, "Invalid field.");
        }
        return value.asInt();
    }

    private static @Nullable Boolean bool(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw ZoomApiException.validation("settings." + field, "Invalid field.");
        }
        return value.asBoolean();
    }

    private static @Nullable Instant instant(JsonNode node, String field) {
        String text = text(node, field, 64);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw ZoomApiException.validation(field, "Invalid field.");
        }
    }

    /** Zoom writes {@code authentication_domains} as one comma-separated string; an array is accepted too. */
    private static @Nullable List<String> domains(JsonNode settings) {
        JsonNode value = settings.get("authentication_domains");
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isTextual()) {
            return Arrays.stream(value.asText().split(","))
                    .map(String::trim)
                    .filter(s -> !s.isEmpty())
                    .toList();
        }
        if (value.isArray()) {
            List<String> domains = new ArrayList<>();
            value.forEach(d -> domains.add(d.asText()));
            return domains;
        }
        throw ZoomApiException.validation("settings.authentication_domains", "Invalid field.");
    }
}
