package dev.signet.zoom.meeting;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Reads a link's query string: names lowercased, values decoded, the first value of a repeated name wins. */
final class MeetingQuery {
    private static final Pattern AMPERSAND = Pattern.compile("&");

    private MeetingQuery() {}

    static Map<String, String> parse(@Nullable String rawQuery) {
        Map<String, String> values = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return values;
        }
        for (String pair : AMPERSAND.split(rawQuery, -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            values.putIfAbsent(MeetingUrlParser.decode(name).toLowerCase(Locale.ROOT), MeetingUrlParser.decode(value));
        }
        return values;
    }
}
