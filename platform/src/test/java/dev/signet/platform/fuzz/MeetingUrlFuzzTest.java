package dev.signet.platform.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.signet.zoom.meeting.MeetingUrl;

/**
 * Fuzzes {@code zoom}'s meeting-URL parser (the first thing a create request meets): any string either parses to a
 * meeting number of 9 to 11 digits or is refused with an {@link IllegalArgumentException} fit for a 400 — nothing
 * else escapes. Regression mode (the default) replays {@code MeetingUrlFuzzTestInputs/}; see fuzz/README.md.
 */
class MeetingUrlFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void parse_neverThrowsAnythingButARefusal(byte[] input) {
        String text = new String(input, java.nio.charset.StandardCharsets.UTF_8);
        try {
            MeetingUrl url = MeetingUrl.parse(text);
            assertThat(url.meetingId()).matches("[0-9]{9,11}");
        } catch (IllegalArgumentException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
    }
}
