package dev.signet.zoom.meeting;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Turns pasted text into a {@link MeetingUrl}: trims it, decodes an encoded link, unwraps redirect links (Outlook
 * safe links, Google, Proofpoint), then accepts only a Zoom host and a known meeting path.
 */
final class MeetingUrlParser {
    static final String EMPTY = "The meeting link is empty.";
    static final String TOO_LONG = "The meeting link is too long.";
    static final String SEVERAL = "Several links found; pass one meeting link.";
    static final String EXTRA_TEXT = "Pass only the meeting link, without other text around it.";
    static final String NOT_ZOOM = "Not a Zoom meeting link: the host is not zoom.us, zoom.com or zoomgov.com.";
    static final String SCHEME = "Not a Zoom meeting link: use an https:// link (or zoommtg:// / zoomus://).";
    static final String USERINFO =
            "Not a Zoom meeting link: a link must not carry a user name or port before the path.";
    static final String INVALID = "The meeting link is not a valid URL.";
    static final String PERSONAL = "Personal meeting links (/my/…) have no meeting number; use the meeting's /j/ link.";
    static final String REGISTER =
            "Registration links have no meeting number; register and use the join link Zoom sends.";
    static final String NOT_MEETING = "Not a Zoom meeting link: expected a /j/{meeting number} link.";
    static final String NO_ID = "The link has no meeting number.";
    static final String BAD_ID = "The meeting number in the link must be 9 to 11 digits.";
    static final String BAD_PWD = "The passcode (pwd) in the link is malformed.";
    static final String BAD_TK = "The registration token (tk) in the link is malformed.";

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final int MAX_LENGTH = 4096;
    private static final int MAX_UNWRAP = 3;
    private static final Pattern SCHEME_START = Pattern.compile("(?i)(?:https?|zoommtg|zoomus)(?::|%3A)(?://|%2F%2F)");
    private static final Pattern ZOOM_HOST =
            Pattern.compile("(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)*(?:zoom\\.us|zoom\\.com|zoomgov\\.com)");
    private static final Pattern SCHEMELESS =
            Pattern.compile("(?i)(?:[a-z0-9-]+\\.)*(?:zoom\\.us|zoom\\.com|zoomgov\\.com)/.*");
    private static final Pattern ENCODED_SCHEME = Pattern.compile("(?i)%(?:25)*3A%(?:25)*2F%(?:25)*2F");
    private static final Pattern ID = Pattern.compile("[0-9][0-9 -]*[0-9]");
    private static final Pattern TOKEN_VALUE = Pattern.compile("[!-~]{1,512}");
    private static final Pattern PROOFPOINT =
            Pattern.compile("(?is)https?://urldefense(?:\\.proofpoint)?\\.com/v3/__(.+?)__;.*");
    private static final List<String> REDIRECT_PARAMETERS = List.of("url", "q", "u", "target");

    private MeetingUrlParser() {}

    static MeetingUrl parse(@Nullable String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidMeetingUrlException(EMPTY);
        }
        if (text.length() > MAX_LENGTH) {
            throw new InvalidMeetingUrlException(TOO_LONG);
        }
        return parseLink(oneLink(unquote(text.strip())), 0);
    }

    /** Drops the brackets or quotes a mail client or chat puts around a link. */
    private static String unquote(String text) {
        if (text.length() >= 2) {
            char first = text.charAt(0);
            char last = text.charAt(text.length() - 1);
            if ((first == '<' && last == '>') || (first == '"' && last == '"') || (first == '\'' && last == '\'')) {
                return text.substring(1, text.length() - 1).strip();
            }
        }
        return text;
    }

    /** The one link in {@code text}; digits after it are the rest of a meeting number pasted with spaces. */
    private static String oneLink(String text) {
        String[] words = WHITESPACE.split(text, -1);
        int links = 0;
        for (String word : words) {
            links += count(SCHEME_START.matcher(word)) > 0
                            || SCHEMELESS.matcher(word).matches()
                    ? 1
                    : 0;
        }
        if (links > 1) {
            throw new InvalidMeetingUrlException(SEVERAL);
        }
        if (words.length == 1) {
            return text;
        }
        boolean digitsOnly = true;
        for (int i = 1; i < words.length; i++) {
            digitsOnly &= words[i].matches("[0-9-]+");
        }
        if (links == 1 && digitsOnly && words[0].matches(".*[0-9-]")) {
            return String.join("", words);
        }
        throw new InvalidMeetingUrlException(links == 0 ? NOT_MEETING : EXTRA_TEXT);
    }

    private static MeetingUrl parseLink(String link, int depth) {
        String text = decodeWholeLink(link);
        if (SCHEMELESS.matcher(text).matches()) {
            text = "https://" + text;
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new InvalidMeetingUrlException(count(SCHEME_START.matcher(text)) > 1 ? SEVERAL : INVALID);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean web = scheme.equals("https") || scheme.equals("http");
        boolean app = scheme.equals("zoommtg") || scheme.equals("zoomus");
        if (!web && !app) {
            throw new InvalidMeetingUrlException(scheme.isEmpty() ? NOT_MEETING : SCHEME);
        }
        if (uri.getRawAuthority() == null) {
            throw new InvalidMeetingUrlException(INVALID);
        }
        if (uri.getRawUserInfo() != null || uri.getRawAuthority().contains("@")) {
            throw new InvalidMeetingUrlException(USERINFO);
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        Map<String, String> query = MeetingQuery.parse(uri.getRawQuery());
        if (!ZOOM_HOST.matcher(host).matches()) {
            String inner = web && depth < MAX_UNWRAP ? wrapped(text, query) : null;
            if (inner == null) {
                throw new InvalidMeetingUrlException(NOT_ZOOM);
            }
            return parseLink(inner, depth + 1);
        }
        if (uri.getPort() != -1 && uri.getPort() != 443 && uri.getPort() != 80) {
            throw new InvalidMeetingUrlException(USERINFO);
        }
        if (count(SCHEME_START.matcher(text)) > 1) {
            throw new InvalidMeetingUrlException(SEVERAL);
        }
        MeetingPath path = app ? MeetingPath.ofApp(uri.getPath(), query) : MeetingPath.ofWeb(uri.getPath());
        return new MeetingUrl(
                meetingNumber(path.id()),
                value(query.get("pwd"), BAD_PWD),
                value(query.get("tk"), BAD_TK),
                host,
                path.kind());
    }

    /** Decodes a link that arrived URL-encoded as a whole ({@code https%3A%2F%2Fzoom.us%2Fj%2F…}). */
    private static String decodeWholeLink(String link) {
        String text = link;
        for (int i = 0;
                i < MAX_UNWRAP
                        && !text.contains("://")
                        && ENCODED_SCHEME.matcher(text).find();
                i++) {
            text = decode(text).strip();
        }
        return text;
    }

    /**
     * The link a redirect URL carries: in its query ({@code url}, {@code q}, {@code u}, {@code target}) or, for
     * Proofpoint URL Defense, between {@code /v3/__} and {@code __;}.
     */
    private static @Nullable String wrapped(String text, Map<String, String> query) {
        for (String name : REDIRECT_PARAMETERS) {
            String value = query.get(name);
            if (value != null && count(SCHEME_START.matcher(value)) > 0) {
                return value.strip();
            }
        }
        Matcher proofpoint = PROOFPOINT.matcher(text);
        return proofpoint.matches() ? proofpoint.group(1) : null;
    }

    private static String meetingNumber(@Nullable String raw) {
        if (raw == null || raw.isEmpty()) {
            throw new InvalidMeetingUrlException(NO_ID);
        }
        if (!ID.matcher(raw).matches()) {
            throw new InvalidMeetingUrlException(BAD_ID);
        }
        String digits = raw.replace(" ", "").replace("-", "");
        if (digits.length() < 9 || digits.length() > 11) {
            throw new InvalidMeetingUrlException(BAD_ID);
        }
        return digits;
    }

    private static @Nullable String value(@Nullable String value, String problem) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!TOKEN_VALUE.matcher(value).matches()) {
            throw new InvalidMeetingUrlException(problem);
        }
        return value;
    }

    static String decode(String text) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidMeetingUrlException(INVALID);
        }
    }

    private static int count(Matcher matcher) {
        int found = 0;
        while (matcher.find()) {
            found++;
        }
        return found;
    }
}
