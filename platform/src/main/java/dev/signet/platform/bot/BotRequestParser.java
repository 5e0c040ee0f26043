package dev.signet.platform.bot;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signet.platform.http.FieldErrors;
import dev.signet.platform.http.ValidationException;
import dev.signet.platform.runtime.AutomaticLeave;
import dev.signet.secrets.Secret;
import dev.signet.zoom.meeting.MeetingUrl;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Turns create and update bodies into validated values, naming every bad field at once in the Django REST
 * framework style. Unknown fields are ignored: clients send Recall fields Signet does not implement.
 */
final class BotRequestParser {
    static final Duration JOIN_AT_SKEW = Duration.ofSeconds(60);
    private static final int MAX_NAME = 100;
    private static final int MAX_METADATA_KEYS = 50;
    private static final int MAX_METADATA_KEY = 256;
    private static final int MAX_METADATA_VALUE = 4000;

    private final Clock clock;
    private final ZoomFieldParser zoomFields;

    BotRequestParser(Clock clock, TokenUrls tokenUrls) {
        this.clock = clock;
        this.zoomFields = new ZoomFieldParser(tokenUrls);
    }

    CreateBotRequest create(JsonNode body) {
        requireObject(body);
        FieldErrors errors = new FieldErrors();
        MeetingUrl meeting = null;
        if (!body.has("meeting_url") || body.get("meeting_url").isNull()) {
            errors.add(
                    "meeting_url", body.has("meeting_url") ? "This field may not be null." : "This field is required.");
        } else {
            meeting = meetingUrl(body.get("meeting_url"), errors);
        }
        String name = body.has("bot_name") ? botName(body.get("bot_name"), errors) : CreateBotRequest.DEFAULT_NAME;
        Instant joinAt = body.has("join_at") ? joinAt(body.get("join_at"), errors) : null;
        Map<String, String> metadata = body.has("metadata") ? metadata(body.get("metadata"), errors) : Map.of();
        AutomaticLeave leave = body.has("automatic_leave")
                ? AutomaticLeaveJson.parse(body.get("automatic_leave"), errors)
                : AutomaticLeave.DEFAULTS;
        ZoomCredentials zoom = body.has("zoom") ? zoomFields.parse(body.get("zoom"), errors) : ZoomCredentials.NONE;
        errors.throwIfAny();
        return new CreateBotRequest(
                require(name),
                require(meeting),
                joinAt,
                metadata == null ? Map.of() : metadata,
                leave == null ? AutomaticLeave.DEFAULTS : leave,
                zoom == null ? ZoomCredentials.NONE : zoom);
    }

    UpdateBotRequest update(JsonNode body) {
        requireObject(body);
        FieldErrors errors = new FieldErrors();
        MeetingUrl meeting = null;
        if (body.has("meeting_url")) {
            if (body.get("meeting_url").isNull()) {
                errors.add("meeting_url", "This field may not be null.");
            } else {
                meeting = meetingUrl(body.get("meeting_url"), errors);
            }
        }
        String name = body.has("bot_name") ? botName(body.get("bot_name"), errors) : null;
        Instant joinAt = body.has("join_at") ? joinAt(body.get("join_at"), errors) : null;
        Map<String, String> metadata = body.has("metadata") ? metadata(body.get("metadata"), errors) : null;
        AutomaticLeave leave =
                body.has("automatic_leave") ? AutomaticLeaveJson.parse(body.get("automatic_leave"), errors) : null;
        ZoomCredentials zoom = body.has("zoom") ? zoomFields.parse(body.get("zoom"), errors) : null;
        errors.throwIfAny();
        return new UpdateBotRequest(name, meeting, body.has("join_at"), joinAt, metadata, leave, zoom);
    }

    private static void requireObject(JsonNode body) {
        if (!body.isObject()) {
            throw ValidationException.of("non_field_errors", "Expected a JSON object.");
        }
    }

    private static <T> T require(@Nullable T value) {
        if (value == null) {
            throw new IllegalStateException("validated field missing");
        }
        return value;
    }

    private static @Nullable MeetingUrl meetingUrl(JsonNode node, FieldErrors errors) {
        if (!node.isTextual()) {
            errors.add("meeting_url", "Not a valid string.");
            return null;
        }
        try {
            return MeetingUrl.parse(node.asText());
        } catch (IllegalArgumentException e) {
            errors.add("meeting_url", String.valueOf(e.getMessage()));
            return null;
        }
    }

    private static @Nullable String botName(JsonNode node, FieldErrors errors) {
        if (node.isNull()) {
            errors.add("bot_name", "This field may not be null.");
            return null;
        }
        if (!node.isTextual()) {
            errors.add("bot_name", "Not a valid string.");
            return null;
        }
        String name = node.asText().strip();
        if (name.isEmpty()) {
            errors.add("bot_name", "This field may not be blank.");
            return null;
        }
        if (name.codePointCount(0, name.length()) > MAX_NAME) {
            errors.add("bot_name", "Ensure this field has no more than " + MAX_NAME + " characters.");
            return null;
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            errors.add("bot_name", "Must not contain control characters.");
            return null;
        }
        return name;
    }

    private @Nullable Instant joinAt(JsonNode node, FieldErrors errors) {
        if (node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            errors.add("join_at", "Must be an ISO-8601 date-time string or null.");
            return null;
        }
        Instant at = Timestamps.parse(node.asText());
        if (at == null) {
            errors.add("join_at", "Must be an ISO-8601 date-time with a time zone, e.g. 2026-01-01T09:00:00Z.");
            return null;
        }
        if (at.isBefore(clock.instant().minus(JOIN_AT_SKEW))) {
            errors.add("join_at", "Must not be more than 60 seconds in the past.");
            return null;
        }
        return at;
    }

    private static @Nullable Map<String, String> metadata(JsonNode node, FieldErrors errors) {
        if (node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            errors.add("metadata", "Must be an object of string values.");
            return null;
        }
        if (node.size() > MAX_METADATA_KEYS) {
            errors.add("metadata", "Must have at most " + MAX_METADATA_KEYS + " keys.");
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        boolean ok = true;
        for (var entry : node.properties()) {
            String key = entry.getKey();
            JsonNode value = entry.getValue();
            if (key.isEmpty() || key.length() > MAX_METADATA_KEY) {
                errors.add("metadata", "Keys must be 1 to " + MAX_METADATA_KEY + " characters.");
                ok = false;
            } else if (!value.isTextual()) {
                errors.add("metadata", "Value of \"" + printable(key) + "\" must be a string.");
                ok = false;
            } else if (value.asText().length() > MAX_METADATA_VALUE) {
                errors.add(
                        "metadata",
                        "Value of \"" + printable(key) + "\" must be at most " + MAX_METADATA_VALUE + " characters.");
                ok = false;
            } else {
                out.put(key, value.asText());
            }
        }
        return ok ? out : null;
    }

    private static String printable(String key) {
        String shown = key.length() > 40 ? key.substring(0, 40) + "…" : key;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }

    /** Parses the {@code zoom} object. */
    private record ZoomFieldParser(TokenUrls tokenUrls) {
        @Nullable
        ZoomCredentials parse(JsonNode node, FieldErrors errors) {
            if (node.isNull()) {
                return ZoomCredentials.NONE;
            }
            if (!node.isObject()) {
                errors.add("zoom", "Must be an object.");
                return null;
            }
            boolean ok = true;
            Secret[] urls = new Secret[3];
            String[] names = {"zak_url", "obf_token_url", "join_token_url"};
            for (int i = 0; i < names.length; i++) {
                JsonNode value = node.get(names[i]);
                if (value == null || value.isNull()) {
                    continue;
                }
                String problem = value.isTextual() ? tokenUrls.problem(value.asText()) : "must be a URL string.";
                if (problem != null) {
                    errors.add("zoom", names[i] + " " + problem);
                    ok = false;
                } else {
                    urls[i] = Secret.of(value.asText().strip());
                }
            }
            String email = null;
            JsonNode emailNode = node.get("user_email");
            if (emailNode != null && !emailNode.isNull()) {
                String text = emailNode.isTextual() ? emailNode.asText().strip() : "";
                if (text.length() > 320
                        || text.indexOf('@') <= 0
                        || text.chars().anyMatch(Character::isWhitespace)) {
                    errors.add("zoom", "user_email must be an email address.");
                    ok = false;
                } else {
                    email = text;
                }
            }
            if (urls[0] != null && urls[1] != null) {
                // Zoom refuses a join that carries both a ZAK and an OBF token (3636); docs/decisions/0008.
                errors.add(
                        "zoom",
                        "zak_url and obf_token_url cannot be used together: Zoom refuses a join that carries both a"
                                + " ZAK and an OBF token. Use zak_url for meetings of your own Zoom account and"
                                + " obf_token_url for meetings of other accounts.");
                ok = false;
            }
            return ok ? new ZoomCredentials(urls[0], urls[1], urls[2], email) : null;
        }
    }
}
