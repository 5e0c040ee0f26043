package dev.signet.platform.driver.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The lines of an event stream, read with small buffers. A bot holds its stream for the whole call, so its buffers
 * count ten thousand times: {@code BufferedReader} over {@code InputStreamReader} kept an 8 KiB decoder buffer and a
 * char buffer per stream; this keeps 512 bytes and the current line (events are a few hundred bytes).
 */
final class SseLines {
    /** Longer lines end the stream with an error: the emulator's events are far shorter. */
    static final int MAX_LINE = 1 << 20;

    private final InputStream in;
    private final byte[] buffer = new byte[512];
    private int position;
    private int limit;
    private byte[] line = new byte[256];
    private int length;
    private boolean skipLineFeed; // the last line ended with CR: a LF right after it belongs to that end

    SseLines(InputStream in) {
        this.in = in;
    }

    /** The next line without its end (CRLF, LF or CR), decoded as UTF-8, or {@code null} at the end of the stream. */
    @Nullable
    String next() throws IOException {
        while (true) {
            while (position < limit) {
                byte b = buffer[position++];
                if (skipLineFeed) {
                    skipLineFeed = false;
                    if (b == '\n') {
                        continue;
                    }
                }
                if (b == '\n' || b == '\r') {
                    skipLineFeed = b == '\r';
                    return take();
                }
                if (length == line.length) {
                    if (length >= MAX_LINE) {
                        throw new IOException("an event stream line longer than " + MAX_LINE + " bytes");
                    }
                    line = Arrays.copyOf(line, length * 2);
                }
                line[length++] = b;
            }
            int read = in.read(buffer);
            if (read < 0) {
                return length > 0 ? take() : null;
            }
            position = 0;
            limit = read;
        }
    }

    private String take() {
        String text = new String(line, 0, length, StandardCharsets.UTF_8);
        length = 0;
        return text;
    }
}
