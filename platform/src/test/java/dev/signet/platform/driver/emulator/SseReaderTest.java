package dev.signet.platform.driver.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseReaderTest {
    private final List<String> events = new ArrayList<>();
    private final SseReader reader = new SseReader((name, data) -> events.add(name + "=" + data));

    private void feed(String... lines) {
        for (String line : lines) {
            reader.line(line);
        }
    }

    @Test
    void line_blankLineDispatchesNamedEvent() {
        feed("event: status", "data: {\"status\":\"in_meeting\"}", "");

        assertThat(events).containsExactly("status={\"status\":\"in_meeting\"}");
    }

    @Test
    void line_commentsAndUnknownFieldsAreIgnored() {
        feed(": ping", "", "id: 7", "retry: 1000", "event:meeting_ended", "data:{}", "");

        assertThat(events).containsExactly("meeting_ended={}");
    }

    @Test
    void line_multipleDataLinesJoinWithNewline() {
        feed("data: a", "data: b", "");

        assertThat(events).containsExactly("message=a\nb");
    }

    @Test
    void line_eventWithoutBlankLine_isNotDispatched() {
        feed("event: status", "data: {}");

        assertThat(events).isEmpty();
    }
}
