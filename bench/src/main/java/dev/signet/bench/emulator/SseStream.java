package dev.signet.bench.emulator;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One participant's event stream read over a plain socket on a virtual thread (cheaper per stream than an HTTP client
 * at 10,000 streams); decodes the chunked body, counts {@code participant_joined} events and counts {@code done} down
 * once it saw {@code expected} of them. The body is scanned as bytes for the line {@code event: participant_joined},
 * without a string per chunk or per line: at 1,000 streams of a busy meeting this loop runs for every event of every
 * stream, on the same cores as the emulator.
 */
final class SseStream implements AutoCloseable {
    private static final byte[] JOINED = "event: participant_joined\n".getBytes(StandardCharsets.US_ASCII);

    private final Socket socket = new Socket();
    private final AtomicInteger joined = new AtomicInteger();
    private final int expected;
    private final CountDownLatch done;

    private SseStream(int expected, CountDownLatch done) {
        this.expected = expected;
        this.done = done;
    }

    static SseStream open(String baseUrl, String participantId, int expected, CountDownLatch done) throws IOException {
        URI base = URI.create(baseUrl);
        SseStream stream = new SseStream(expected, done);
        stream.socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 10_000);
        String request = "GET /emulator/participants/" + participantId + "/events HTTP/1.1\r\nHost: " + base.getHost()
                + ":" + base.getPort() + "\r\nAccept: text/event-stream\r\n\r\n";
        OutputStream out = stream.socket.getOutputStream();
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        Thread.ofVirtual().start(stream::read);
        return stream;
    }

    int joined() {
        return joined.get();
    }

    private void read() {
        try (InputStream in = new BufferedInputStream(socket.getInputStream(), 8192)) {
            String status = line(in);
            if (!status.startsWith("HTTP/1.1 200")) {
                throw new IllegalStateException("event stream answered " + status);
            }
            while (!line(in).isEmpty()) {
                // headers; the body is chunked
            }
            byte[] buffer = new byte[8192];
            int matched = 0; // bytes of JOINED matched so far on the current line; -1: the line is something else
            for (int size = chunkSize(in); size > 0; size = chunkSize(in)) {
                for (int left = size; left > 0; ) {
                    int n = in.readNBytes(buffer, 0, Math.min(left, buffer.length));
                    if (n == 0) {
                        throw new EOFException("end of the stream inside a chunk");
                    }
                    matched = count(buffer, n, matched);
                    left -= n;
                }
                line(in); // the chunk's CRLF, which Jetty sends only with the next chunk: count first
            }
        } catch (IOException e) {
            // closed by the bench or the emulator
        }
    }

    /**
     * Counts the lines {@code event: participant_joined} among the first {@code n} bytes of {@code bytes}, which
     * continue the body after {@code matched} bytes of such a line (-1: inside another line); answers the same state
     * for the next bytes.
     */
    private int count(byte[] bytes, int n, int matched) {
        int m = matched;
        for (int i = 0; i < n; i++) {
            byte b = bytes[i];
            if (m >= 0 && b == JOINED[m]) {
                m++;
                if (m == JOINED.length) {
                    if (joined.incrementAndGet() == expected) {
                        done.countDown();
                    }
                    m = 0; // the line ended with its '\n': the next one starts
                }
            } else {
                m = b == '\n' ? 0 : -1;
            }
        }
        return m;
    }

    private static int chunkSize(InputStream in) throws IOException {
        return Integer.parseInt(line(in).strip(), 16);
    }

    /** One CRLF-terminated header or chunk-size line, without the CRLF. */
    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("end of the stream");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
