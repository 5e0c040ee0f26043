package dev.signet.platform.driver.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseLinesTest {
    /** Hands out one byte per read, so every line and every multi-byte character spans reads. */
    private static InputStream trickle(byte[] bytes) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1));
            }
        };
    }

    private static List<String> lines(InputStream in) throws IOException {
        SseLines lines = new SseLines(in);
        List<String> out = new ArrayList<>();
        for (String line = lines.next(); line != null; line = lines.next()) {
            out.add(line);
        }
        return out;
    }

    @Test
    void everyLineEnd_crlfLfAndCr_endsOneLine() throws IOException {
        byte[] text = "event: status\r\ndata: {}\n\r:ping\r\rlast".getBytes(StandardCharsets.UTF_8);

        assertThat(lines(new ByteArrayInputStream(text)))
                .containsExactly("event: status", "data: {}", "", ":ping", "", "last");
        assertThat(lines(trickle(text))).containsExactly("event: status", "data: {}", "", ":ping", "", "last");
    }

    @Test
    void utf8AndLinesLongerThanTheBuffers_comeThroughWhole() throws IOException {
        String name = "Zoë 会議 " + "x".repeat(3_000);
        byte[] text = ("data: " + name + "\n\n").getBytes(StandardCharsets.UTF_8);

        assertThat(lines(trickle(text))).containsExactly("data: " + name, "");
    }

    @Test
    void aLineWithoutEnd_isNeverEndless() {
        byte[] huge = new byte[SseLines.MAX_LINE + 10];
        java.util.Arrays.fill(huge, (byte) 'a');

        assertThatThrownBy(() -> lines(new ByteArrayInputStream(huge))).isInstanceOf(IOException.class);
    }
}
