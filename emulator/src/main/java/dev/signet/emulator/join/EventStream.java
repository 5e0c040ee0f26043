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
import java.util.ArrayList;
import java.util.List;

/**
 * Writes one participant's server-sent events on the request's own (virtual) thread until a terminal event, the
 * participant leaving, a newer stream replacing this one, the client going away or the emulator stopping.
 */
final class EventStream {
    /**
     * How long a stream that just wrote waits before it writes again. It bounds the writes (and wake-ups) of a stream to
     * 50 a second: in a meeting of 1,000 where joins arrive at hundreds a second, each write carries many events, and
     * the cost of delivery follows the number of streams, not the number of events. An event that finds its stream
     * idle goes out at once.
     */
    static final Duration BATCH_WINDOW = Duration.ofMillis(20);

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
     * together and flushed once; after each write the stream rests for {@link #BATCH_WINDOW} before it looks again, so
     * in a busy meeting a stream writes at most one batch per window however many events arrive, and in a quiet one an
     * event still goes out at once.
     */
    private void pump(EventSink sink, OutputStream out) throws IOException, InterruptedException {
        List<EventSink.Item> batch = new ArrayList<>();
        while (true) {
            if (!sink.await(pingInterval)) {
                write(out, ": ping\n\n");
                continue;
            }
            sink.drainTo(batch);
            boolean ended = writeAll(batch, out);
            batch.clear();
            out.flush();
            if (ended) {
                return;
            }
            sink.rest(BATCH_WINDOW);
        }
    }

    /** Writes the events of {@code batch} in order, up to a close or a terminal event; answers whether one came. */
    private boolean writeAll(List<EventSink.Item> batch, OutputStream out) throws IOException {
        for (EventSink.Item item : batch) {
            switch (item) {
                case EventSink.Item.Close() -> {
                    return true;
                }
                case EventSink.Item.Overflow() -> throw new IOException("the client fell too far behind; cut");
                case EventSink.Item.Deliver(OutgoingEvent event) -> {
                    out.write(event.frame(this::frame));
                    if (event.event().terminal()) {
                        return true;
                    }
                }
            }
        }
        return false;
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
