package dev.signet.zoom.meeting;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Where a Zoom link keeps its meeting number: the path of a web link, or {@code confno} of an app link.
 *
 * @param id the raw number as written (may hold spaces or dashes), or null when the link has none
 * @param kind meeting or webinar
 */
record MeetingPath(@Nullable String id, MeetingKind kind) {
    /** {@code /j/{id}}, {@code /s/{id}}, {@code /w/{id}}, {@code /wc/join/{id}}, {@code /wc/{id}/join|start}. */
    static MeetingPath ofWeb(@Nullable String decodedPath) {
        String[] parts = Arrays.stream((decodedPath == null ? "" : decodedPath).split("/", -1))
                .filter(part -> !part.isEmpty())
                .toArray(String[]::new);
        if (parts.length == 0) {
            throw new InvalidMeetingUrlException(MeetingUrlParser.NOT_MEETING);
        }
        String first = parts[0].toLowerCase(Locale.ROOT);
        String second = parts.length > 1 ? parts[1].toLowerCase(Locale.ROOT) : "";
        return switch (first) {
            case "j", "s" -> direct(parts, MeetingKind.MEETING);
            case "w" -> direct(parts, MeetingKind.WEBINAR);
            case "wc" -> webClient(parts);
            case "my" -> throw new InvalidMeetingUrlException(MeetingUrlParser.PERSONAL);
            case "meeting", "webinar" ->
                throw new InvalidMeetingUrlException(
                        second.equals("register") ? MeetingUrlParser.REGISTER : MeetingUrlParser.NOT_MEETING);
            default -> throw new InvalidMeetingUrlException(MeetingUrlParser.NOT_MEETING);
        };
    }

    /** {@code zoommtg://zoom.us/join?confno={id}} (or {@code /start}). */
    static MeetingPath ofApp(@Nullable String decodedPath, Map<String, String> query) {
        String path = decodedPath == null ? "" : decodedPath.toLowerCase(Locale.ROOT);
        if (!path.equals("/join") && !path.equals("/start") && !path.equals("/join/") && !path.equals("/start/")) {
            throw new InvalidMeetingUrlException(MeetingUrlParser.NOT_MEETING);
        }
        return new MeetingPath(query.get("confno"), MeetingKind.MEETING);
    }

    private static MeetingPath direct(String[] parts, MeetingKind kind) {
        if (parts.length > 2) {
            throw new InvalidMeetingUrlException(MeetingUrlParser.BAD_ID);
        }
        return new MeetingPath(parts.length == 2 ? parts[1] : null, kind);
    }

    private static MeetingPath webClient(String[] parts) {
        if (parts.length == 3 && parts[1].equalsIgnoreCase("join")) {
            return new MeetingPath(parts[2], MeetingKind.MEETING);
        }
        if (parts.length == 3 && (parts[2].equalsIgnoreCase("join") || parts[2].equalsIgnoreCase("start"))) {
            return new MeetingPath(parts[1], MeetingKind.MEETING);
        }
        if (parts.length == 2 && parts[1].equalsIgnoreCase("join")) {
            return new MeetingPath(null, MeetingKind.MEETING);
        }
        throw new InvalidMeetingUrlException(MeetingUrlParser.NOT_MEETING);
    }
}
