package dev.signet.zoom.meeting;

import static dev.signet.zoom.meeting.MeetingKind.MEETING;
import static dev.signet.zoom.meeting.MeetingKind.WEBINAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MeetingUrlTest {
    static Stream<Arguments> validLinks() {
        return Stream.of(
                valid("https://zoom.us/j/1234567890", "1234567890", null, null, "zoom.us", MEETING),
                valid(
                        "https://us02web.zoom.us/j/81234567890?pwd=AbCdEf123.1",
                        "81234567890",
                        "AbCdEf123.1",
                        null,
                        "us02web.zoom.us",
                        MEETING),
                valid(
                        "https://acme.zoom.us/j/123456789?pwd=xyz&tk=TK_abc-123&from=addon",
                        "123456789",
                        "xyz",
                        "TK_abc-123",
                        "acme.zoom.us",
                        MEETING),
                valid("https://zoom.com/j/1234567890", "1234567890", null, null, "zoom.com", MEETING),
                valid(
                        "https://www.zoomgov.com/j/1612345678?pwd=x",
                        "1612345678",
                        "x",
                        null,
                        "www.zoomgov.com",
                        MEETING),
                valid("https://zoom.us/s/1234567890", "1234567890", null, null, "zoom.us", MEETING),
                valid("https://zoom.us/w/91234567890?tk=abc", "91234567890", null, "abc", "zoom.us", WEBINAR),
                valid("https://zoom.us/wc/join/1234567890", "1234567890", null, null, "zoom.us", MEETING),
                valid("https://app.zoom.us/wc/1234567890/join?pwd=p", "1234567890", "p", null, "app.zoom.us", MEETING),
                valid("https://zoom.us/wc/1234567890/start", "1234567890", null, null, "zoom.us", MEETING),
                valid(
                        "zoommtg://zoom.us/join?action=join&confno=1234567890&pwd=abc",
                        "1234567890",
                        "abc",
                        null,
                        "zoom.us",
                        MEETING),
                valid("zoomus://zoom.us/join?confno=1234567890", "1234567890", null, null, "zoom.us", MEETING),
                valid(
                        "zoommtg://us04web.zoom.us/start?confno=1234567890",
                        "1234567890",
                        null,
                        null,
                        "us04web.zoom.us",
                        MEETING),
                valid("ZOOMMTG://ZOOM.US/join?confno=1234567890", "1234567890", null, null, "zoom.us", MEETING),
                valid("HTTPS://US02WEB.ZOOM.US/J/1234567890", "1234567890", null, null, "us02web.zoom.us", MEETING),
                valid("http://zoom.us/j/1234567890", "1234567890", null, null, "zoom.us", MEETING),
                valid("zoom.us/j/1234567890?pwd=abc", "1234567890", "abc", null, "zoom.us", MEETING),
                valid("us06web.zoom.us/j/1234567890", "1234567890", null, null, "us06web.zoom.us", MEETING),
                valid("https://zoom.us/j/123-456-7890", "1234567890", null, null, "zoom.us", MEETING),
                valid("https://zoom.us/j/123%20456%207890", "1234567890", null, null, "zoom.us", MEETING),
                valid("https://zoom.us/j/123 456 7890", "1234567890", null, null, "zoom.us", MEETING),
                valid("zoommtg://zoom.us/join?confno=123-456-7890", "1234567890", null, null, "zoom.us", MEETING),
                valid("zoommtg://zoom.us/join?confno=123%20456%207890", "1234567890", null, null, "zoom.us", MEETING),
                valid("  <https://zoom.us/j/1234567890>  ", "1234567890", null, null, "zoom.us", MEETING),
                valid("\"https://zoom.us/j/1234567890\"", "1234567890", null, null, "zoom.us", MEETING),
                valid("https://zoom.us/j/1234567890\n", "1234567890", null, null, "zoom.us", MEETING),
                valid(
                        "https%3A%2F%2Fzoom.us%2Fj%2F1234567890%3Fpwd%3Dabc.1",
                        "1234567890", "abc.1", null, "zoom.us", MEETING),
                valid("https%253A%252F%252Fzoom.us%252Fj%252F1234567890", "1234567890", null, null, "zoom.us", MEETING),
                valid(
                        "https://nam02.safelinks.protection.outlook.com/?url=https%3A%2F%2Fus02web.zoom.us%2Fj%2F"
                                + "81234567890%3Fpwd%3DabcDEF.1&data=05%7C01%7Cx%40y.com&sdata=abc%3D&reserved=0",
                        "81234567890", "abcDEF.1", null, "us02web.zoom.us", MEETING),
                valid(
                        "https://www.google.com/url?q=https://zoom.us/j/1234567890?pwd%3Dsecret&sa=D&ust=1",
                        "1234567890", "secret", null, "zoom.us", MEETING),
                valid(
                        "https://l.facebook.com/l.php?u=https%3A%2F%2Fzoom.us%2Fj%2F1234567890",
                        "1234567890", null, null, "zoom.us", MEETING),
                valid(
                        "https://redirect.example.com/r?target=https%3A%2F%2Fzoom.us%2Fw%2F1234567890",
                        "1234567890", null, null, "zoom.us", WEBINAR),
                valid(
                        "https://urldefense.com/v3/__https://zoom.us/j/1234567890?pwd=abc__;!!ABC-xyz$",
                        "1234567890",
                        "abc",
                        null,
                        "zoom.us",
                        MEETING),
                valid("https://zoom.us/j/1234567890#success", "1234567890", null, null, "zoom.us", MEETING),
                valid("https://zoom.us/j/1234567890/", "1234567890", null, null, "zoom.us", MEETING),
                valid("https://zoom.us./j/1234567890", "1234567890", null, null, "zoom.us", MEETING),
                valid("https://zoom.us:443/j/1234567890", "1234567890", null, null, "zoom.us", MEETING),
                valid("https://zoom.us/j/12345678901", "12345678901", null, null, "zoom.us", MEETING),
                valid("https://zoom.us/j/123456789", "123456789", null, null, "zoom.us", MEETING),
                valid("https://zoom.us/j/1234567890?pwd=a&pwd=b", "1234567890", "a", null, "zoom.us", MEETING),
                valid("https://zoom.us/j/1234567890?PWD=abc", "1234567890", "abc", null, "zoom.us", MEETING),
                valid("https://zoom.us/j/1234567890?pwd=", "1234567890", null, null, "zoom.us", MEETING));
    }

    private static Arguments valid(
            String input,
            String meetingId,
            @Nullable String password,
            @Nullable String tk,
            String host,
            MeetingKind kind) {
        return arguments(input, new MeetingUrl(meetingId, password, tk, host, kind));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("validLinks")
    void parse_validLink_extractsTheMeeting(String input, MeetingUrl expected) {
        assertThat(MeetingUrl.parse(input)).isEqualTo(expected);
    }

    static Stream<Arguments> invalidLinks() {
        return Stream.of(
                arguments("", MeetingUrlParser.EMPTY),
                arguments("   \t ", MeetingUrlParser.EMPTY),
                arguments("https://zoom.us/j/" + "1".repeat(5000), MeetingUrlParser.TOO_LONG),
                arguments("https://zoom.us/my/acme.room", MeetingUrlParser.PERSONAL),
                arguments("https://acme.zoom.us/my/jdoe?pwd=x", MeetingUrlParser.PERSONAL),
                arguments("https://zoom.us/j/1234567890 https://zoom.us/j/9876543210", MeetingUrlParser.SEVERAL),
                arguments("https://zoom.us/j/1234567890,https://zoom.us/j/9876543210", MeetingUrlParser.SEVERAL),
                arguments("https://zoom.us/j/1234567890\nhttps://evil.com/j/1", MeetingUrlParser.SEVERAL),
                arguments("https://zoom.us/j/1234567890?pwd=a zoom.us/j/1234567890", MeetingUrlParser.SEVERAL),
                arguments("https://zoom.us/j/1234567890https://zoom.us/j/9876543210", MeetingUrlParser.SEVERAL),
                arguments("https://evil.com/j/1234567890", MeetingUrlParser.NOT_ZOOM),
                arguments("https://zoom.us.evil.com/j/1234567890", MeetingUrlParser.NOT_ZOOM),
                arguments("https://evilzoom.us/j/1234567890", MeetingUrlParser.NOT_ZOOM),
                arguments("https://zoom.usa/j/1234567890", MeetingUrlParser.NOT_ZOOM),
                arguments("https://zoom-us.com/j/1234567890", MeetingUrlParser.NOT_ZOOM),
                arguments("https://zoom.com.evil/j/1234567890", MeetingUrlParser.NOT_ZOOM),
                arguments("https://z\u043e\u043em.us/j/1234567890", MeetingUrlParser.NOT_ZOOM),
                arguments("https://xn--zm-xyz.us/j/1234567890", MeetingUrlParser.NOT_ZOOM),
                arguments("https://192.168.0.1/j/1234567890", MeetingUrlParser.NOT_ZOOM),
                arguments("https://zoom.us@evil.com/j/1234567890", MeetingUrlParser.USERINFO),
                arguments("https://user:pass@zoom.us/j/1234567890", MeetingUrlParser.USERINFO),
                arguments("https://evil.com%40zoom.us/j/1234567890", MeetingUrlParser.NOT_ZOOM),
                arguments("https://zoom.us:8443/j/1234567890", MeetingUrlParser.USERINFO),
                arguments(
                        "https://safelinks.protection.outlook.com/?url=https%3A%2F%2Fevil.com%2Fj%2F1234567890",
                        MeetingUrlParser.NOT_ZOOM),
                arguments(
                        "https://evil.com/?url=https%3A%2F%2Fzoom.us.evil.com%2Fj%2F1234567890",
                        MeetingUrlParser.NOT_ZOOM),
                arguments("https://evil.com/?next=https%3A%2F%2Fzoom.us%2Fj%2F1234567890", MeetingUrlParser.NOT_ZOOM),
                arguments("https://zoom.us/j/", MeetingUrlParser.NO_ID),
                arguments("https://zoom.us/j", MeetingUrlParser.NO_ID),
                arguments("https://zoom.us/wc/join", MeetingUrlParser.NO_ID),
                arguments("zoommtg://zoom.us/join?action=join", MeetingUrlParser.NO_ID),
                arguments("zoommtg://zoom.us/join?confno=", MeetingUrlParser.NO_ID),
                arguments("https://zoom.us/j/abc", MeetingUrlParser.BAD_ID),
                arguments("https://zoom.us/j/1234567890abc", MeetingUrlParser.BAD_ID),
                arguments("https://zoom.us/j/x1234567890", MeetingUrlParser.BAD_ID),
                arguments("https://zoom.us/j/12345678", MeetingUrlParser.BAD_ID),
                arguments("https://zoom.us/j/123456789012", MeetingUrlParser.BAD_ID),
                arguments("https://zoom.us/j/1234567890/extra", MeetingUrlParser.BAD_ID),
                arguments("https://zoom.us/j/-1234567890", MeetingUrlParser.BAD_ID),
                arguments("https://zoom.us/j/1234567890;jsessionid=1", MeetingUrlParser.BAD_ID),
                arguments("https://zoom.us/j/%31%32%33abc", MeetingUrlParser.BAD_ID),
                arguments("zoommtg://zoom.us/join?confno=12345abc6789", MeetingUrlParser.BAD_ID),
                arguments("https://zoom.us/", MeetingUrlParser.NOT_MEETING),
                arguments("https://zoom.us", MeetingUrlParser.NOT_MEETING),
                arguments("https://zoom.us/signin", MeetingUrlParser.NOT_MEETING),
                arguments("https://zoom.us/x/1234567890", MeetingUrlParser.NOT_MEETING),
                arguments("https://zoom.us/meeting/register/tJ0sdfsdfsdf", MeetingUrlParser.REGISTER),
                arguments("https://zoom.us/webinar/register/WN_abc", MeetingUrlParser.REGISTER),
                arguments("zoommtg://zoom.us/other?confno=1234567890", MeetingUrlParser.NOT_MEETING),
                arguments("zoommtg://evil.com/join?confno=1234567890", MeetingUrlParser.NOT_ZOOM),
                arguments("ftp://zoom.us/j/1234567890", MeetingUrlParser.SCHEME),
                arguments("javascript:alert(1)", MeetingUrlParser.SCHEME),
                arguments("file:///etc/passwd", MeetingUrlParser.SCHEME),
                arguments("data:text/html,zoom.us/j/1234567890", MeetingUrlParser.SCHEME),
                arguments("Join here: https://zoom.us/j/1234567890", MeetingUrlParser.EXTRA_TEXT),
                arguments("https://zoom.us/j/1234567890 thanks!", MeetingUrlParser.EXTRA_TEXT),
                arguments("https://zoom.us/j/123 456 7890?pwd=x", MeetingUrlParser.EXTRA_TEXT),
                arguments("1234567890", MeetingUrlParser.NOT_MEETING),
                arguments("123 456 7890", MeetingUrlParser.NOT_MEETING),
                arguments("hello", MeetingUrlParser.NOT_MEETING),
                arguments("https://zoom.us/j/1234567890?pwd=has%20space", MeetingUrlParser.BAD_PWD),
                arguments("https://zoom.us/j/1234567890?pwd=caf%C3%A9", MeetingUrlParser.BAD_PWD),
                arguments("https://zoom.us/j/1234567890?tk=%0A", MeetingUrlParser.BAD_TK),
                arguments("https://zoom.us/j/12345%", MeetingUrlParser.INVALID),
                arguments("https://zoom.us/j/1234567890?pwd=%zz", MeetingUrlParser.INVALID),
                arguments("https://zoom.us/j/<script>", MeetingUrlParser.INVALID),
                arguments("https:///j/1234567890", MeetingUrlParser.INVALID));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("invalidLinks")
    void parse_invalidLink_explainsWhy(String input, String message) {
        assertThatThrownBy(() -> MeetingUrl.parse(input))
                .isInstanceOf(InvalidMeetingUrlException.class)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void parse_deeplyNestedRedirects_stopsUnwrapping() {
        String link = "https://zoom.us/j/1234567890";
        for (int i = 0; i < 4; i++) {
            link = "https://r" + i + ".example.com/?url="
                    + java.net.URLEncoder.encode(link, java.nio.charset.StandardCharsets.UTF_8);
        }
        String nested = link;

        assertThatThrownBy(() -> MeetingUrl.parse(nested)).hasMessage(MeetingUrlParser.NOT_ZOOM);
    }

    @Test
    void messages_nameTheProblemForA400() {
        assertThat(MeetingUrlParser.NOT_ZOOM).startsWith("Not a Zoom meeting link");
        assertThat(MeetingUrlParser.PERSONAL).contains("/my/").contains("/j/");
        assertThat(MeetingUrlParser.SEVERAL).isEqualTo("Several links found; pass one meeting link.");
    }

    @Test
    void constructor_rejectsAMeetingNumberOfTheWrongLength() {
        assertThatThrownBy(() -> new MeetingUrl("12345", null, null, "zoom.us", MEETING))
                .isInstanceOf(InvalidMeetingUrlException.class);
    }
}
