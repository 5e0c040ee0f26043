package dev.signet.broker.zak;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * The two query parameters a ZAK callback reads, the secret and {@code user}, taken from the raw query string. Only
 * these two values are decoded ({@code %xx}, {@code +} as a space, like a form): decoding every parameter into a map
 * was a measurable share of a reused ZAK's answer (docs/decisions/0013-broker-zak-on-the-selector-thread.md). The
 * first occurrence of a name counts.
 *
 * @param secret the secret parameter's value, or null when absent
 * @param user the {@code user} parameter's value, or null when absent
 */
record CallbackQuery(@Nullable String secret, @Nullable String user) {
    private static final String USER = "user";

    /**
     * Reads {@code rawQuery}.
     *
     * @param rawQuery the query string as sent (still percent-encoded), or null
     * @param secretParam the name of the secret parameter
     * @throws IllegalArgumentException when a value that is read is not valid percent-encoding
     */
    static CallbackQuery parse(@Nullable String rawQuery, String secretParam) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return new CallbackQuery(null, null);
        }
        String secret = null;
        String user = null;
        int start = 0;
        int length = rawQuery.length();
        while (start <= length) {
            int end = rawQuery.indexOf('&', start);
            if (end < 0) {
                end = length;
            }
            int equals = rawQuery.indexOf('=', start);
            int nameEnd = equals < 0 || equals > end ? end : equals;
            int valueStart = nameEnd == end ? end : nameEnd + 1;
            if (secret == null && nameIs(rawQuery, start, nameEnd, secretParam)) {
                secret = decode(rawQuery, valueStart, end);
            } else if (user == null && nameIs(rawQuery, start, nameEnd, USER)) {
                user = decode(rawQuery, valueStart, end);
            }
            start = end + 1;
        }
        return new CallbackQuery(secret, user);
    }

    private static boolean nameIs(String query, int start, int end, String name) {
        if (end - start == name.length() && query.regionMatches(start, name, 0, name.length())) {
            return true;
        }
        // A percent-encoded name is rare; decode it only when it could be one.
        return query.indexOf('%', start) >= 0
                && query.indexOf('%', start) < end
                && decode(query, start, end).equals(name);
    }

    private static String decode(String query, int start, int end) {
        String raw = query.substring(start, end);
        if (raw.indexOf('%') < 0 && raw.indexOf('+') < 0) {
            return raw;
        }
        return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    }
}
