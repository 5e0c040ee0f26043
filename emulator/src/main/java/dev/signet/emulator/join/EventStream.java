package dev.signet.emulator.join;

import dev.signet.emulator.http.Json;
import dev.signet.emulator.meetings.EventSink;
import dev.signet.emulator.meetings.MeetingEvent;
import dev.signet.emulator.meetings.MeetingStore;
import dev.signet.emulator.meetings.OutgoingEvent;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Writes one participant's server-sent events on the request's own (virtual) thread until a terminal event, the
 * participant leaving, a newer stream replacing this one, the client going away or the emulator stopping.
 */
final class EventStream {
    private final Json json;
    private final Duration pingInterval;
    private final Object lock = new Object();
    private int open;

    EventStream(Json json, Duration pingInterval) {
        this.json = json;
        this.pingInterval = pingInterval;
    }

    /** Waits up to {@code timeout} for every open stream to finish writing (after their sinks were closed). */
    void awaitClosed(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            for (long left = timeout.toNanos(); open > 0 && left > 0; left = deadline - System.nanoTime()) {
                lock.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    void serve(HttpServletResponse response, MeetingStore.Found found) throws IOException {
        EventSink sink = found.meeting().connect(found.participant());
        response.setStatus(200);
        response.setContentType("text/event-stream");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Accel-Buffering", "no");
        OutputStream out = response.getOutputStream();
        synchronized (lock) {
            open++;
        }
        try {
            write(out, ": connected\n\n");
            pump(sink, out);
            out.close(); // completes the response now, before the server may stop
        } catch (IOException e) {
            found.meeting().disconnect(found.participant(), sink); // the client went away
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            found.meeting().disconnect(found.participant(), sink);
        } finally {
            synchronized (lock) {
                open--;
                lock.notifyAll();
            }
        }
    }

    /**
     * Writes what the sink holds until the stream ends. Whatever queued up while the last write went out is written
     * together and flushed once; after each write the stream rests for its meeting's batch window (50 µs per participant,
     * at most 50 ms) before it looks again, so in a busy meeting a stream writes at most one batch per window however
     * many events arrive, and an event that finds its stream idle still goes out at once.
     */
    private void pump(EventSink sink, OutputStream out) throws IOException, InterruptedException {
        while (true) {
            if (!sink.await(pingInterval)) {
                write(out, ": ping\n\n");
                continue;
            }
            EventSink.Batch batch = sink.take();
            if (batch.overflowed()) {
                throw new IOException("the client fell " + batch.events().size() + "+ events behind; cut");
            }
            boolean ended = writeAll(batch.events(), out);
            out.flush();
            if (ended || batch.closed()) {
                return;
            }
            sink.rest();
        }
    }

    /**
     * Writes {@code events} in order, up to a terminal event, as one array (one write into the response instead of one
     * per event); answers whether a terminal event came.
     */
    private boolean writeAll(List<OutgoingEvent> events, OutputStream out) throws IOException {
        int count = 0;
        int length = 0;
        boolean terminal = false;
        for (OutgoingEvent event : events) {
            length += event.frame(this::frame).length;
            count++;
            if (event.event().terminal()) {
                terminal = true;
                break;
            }
        }
        byte[] bytes = new byte[length];
        int at = 0;
        for (int i = 0; i < count; i++) {
            byte[] frame = events.get(i).frame(this::frame);
            System.arraycopy(frame, 0, bytes, at, frame.length);
            at += frame.length;
        }
        out.write(bytes);
        return terminal;
    }

    private byte[] frame(MeetingEvent event) {
        return ("event: " + event.eventName() + "\ndata: " + json.write(event) + "\n\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
