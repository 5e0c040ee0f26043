package dev.signet.emulator.join;

import dev.signet.emulator.http.Json;
import dev.signet.emulator.meetings.EventSink;
import dev.signet.emulator.meetings.MeetingEvent;
import dev.signet.emulator.meetings.MeetingStore;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

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

    private void pump(EventSink sink, OutputStream out) throws IOException, InterruptedException {
        while (true) {
            EventSink.Item item = sink.poll(pingInterval);
            if (item == null) {
                write(out, ": ping\n\n");
                continue;
            }
            switch (item) {
                case EventSink.Item.Close() -> {
                    return;
                }
                case EventSink.Item.Deliver(MeetingEvent event) -> {
                    write(out, "event: " + event.eventName() + "\ndata: " + json.write(event) + "\n\n");
                    if (event.terminal()) {
                        return;
                    }
                }
            }
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
