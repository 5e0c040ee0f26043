package dev.signet.platform.driver.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.signet.platform.driver.DriverEvent;
import dev.signet.platform.driver.DriverFailure;
import dev.signet.platform.driver.JoinRequest;
import dev.signet.platform.driver.MeetingParticipant;
import dev.signet.platform.driver.MeetingSession;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One join attempt against the emulator: POSTs the join, then reads the participant's event stream on its own
 * virtual thread and queues what it reports for {@link #next}. The request (with the ZAK) is dropped once sent.
 */
final class EmulatorSession implements MeetingSession {
    private static final Logger log = LoggerFactory.getLogger(EmulatorSession.class);

    private final URI base;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final ObjectMapper json;
    private final String meetingNumber;
    private final LinkedBlockingQueue<DriverEvent> events = new LinkedBlockingQueue<>();
    private final Object lock = new Object();
    private @Nullable JoinRequest request; // guarded by lock; null once sent
    private boolean closed; // guarded by lock
    private @Nullable String participantId; // guarded by lock
    private @Nullable URI leaveUrl; // guarded by lock
    private @Nullable Thread reader; // guarded by lock; set once the join is answered (never interrupt a join)
    private @Nullable InputStream stream; // guarded by lock
    private volatile boolean finished;
    private @Nullable String lastStatus; // reader thread only

    EmulatorSession(URI base, HttpClient http, Duration requestTimeout, ObjectMapper json, JoinRequest request) {
        this.base = base;
        this.http = http;
        this.requestTimeout = requestTimeout;
        this.json = json;
        this.meetingNumber = request.meetingNumber();
        this.request = request;
    }

    /** Joins, then reads events until a final one, the end of the stream, or {@link #leave()}. */
    void run() {
        try {
            URI eventsUrl = join();
            if (eventsUrl != null) {
                readEvents(eventsUrl);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // left while joining or reading
        } catch (IOException e) {
            if (!isClosed()) {
                enqueue(new DriverEvent.Disconnected(
                        "the emulator connection failed: " + e.getClass().getSimpleName()));
            }
        }
    }

    private @Nullable URI join() throws IOException, InterruptedException {
        byte[] body;
        synchronized (lock) {
            JoinRequest pending = request;
            request = null;
            if (pending == null || closed) {
                return null;
            }
            body = json.writeValueAsBytes(EmulatorWire.joinBody(pending));
        }
        HttpRequest post = HttpRequest.newBuilder(base.resolve(
                        "emulator/meetings/" + URLEncoder.encode(meetingNumber, StandardCharsets.UTF_8) + "/join"))
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(post, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            enqueue(new DriverEvent.JoinRefused(
                    1, "could not reach the emulator (" + e.getClass().getSimpleName() + ")"));
            return null;
        }
        JsonNode answer = parse(response.body());
        int status = response.statusCode();
        if (status == 403) {
            enqueue(new DriverEvent.JoinRefused(
                    answer.path("error_code").asInt(-1), answer.path("reason").asText("")));
            return null;
        }
        if (status == 400) {
            enqueue(new DriverEvent.DriverFailed(
                    DriverFailure.CRASHED,
                    "the emulator rejected the join request: "
                            + answer.path("reason").asText("")));
            return null;
        }
        if (status != 200 || !answer.hasNonNull("participant_id")) {
            enqueue(new DriverEvent.JoinRefused(1, "the emulator answered " + status + " to the join"));
            return null;
        }
        boolean leaveNow;
        synchronized (lock) {
            participantId = answer.get("participant_id").asText();
            leaveUrl =
                    base.resolve(answer.path("leave_url").asText("/emulator/participants/" + participantId + "/leave"));
            leaveNow = closed;
            reader = Thread.currentThread(); // from now on leave() may interrupt the stream read
        }
        if (leaveNow) {
            sendLeave(); // the runtime gave up while the join was in flight
            return null;
        }
        status(answer);
        return base.resolve(answer.path("events_url").asText("/emulator/participants/" + participantId + "/events"));
    }

    private void readEvents(URI eventsUrl) throws IOException, InterruptedException {
        HttpRequest get = HttpRequest.newBuilder(eventsUrl)
                .header("Accept", "text/event-stream")
                .GET()
                .build();
        HttpResponse<InputStream> response = http.send(get, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            response.body().close();
            enqueue(new DriverEvent.Disconnected("the event stream answered " + response.statusCode()));
            return;
        }
        synchronized (lock) {
            if (closed) {
                response.body().close();
                return;
            }
            stream = response.body();
        }
        SseReader sse = new SseReader(this::onEvent);
        // Small buffers (SseLines): a bot holds its stream for the whole call.
        try (InputStream body = response.body()) {
            SseLines lines = new SseLines(body);
            String line;
            while (!finished && (line = lines.next()) != null) {
                sse.line(line);
            }
        }
        if (!finished && !isClosed()) {
            enqueue(new DriverEvent.Disconnected("the event stream ended"));
        }
    }

    private void onEvent(String name, String data) {
        JsonNode event = parse(data.getBytes(StandardCharsets.UTF_8));
        switch (name) {
            case "status" -> status(event);
            case "participant_joined" -> enqueue(new DriverEvent.ParticipantJoined(participant(event)));
            case "participant_left" -> enqueue(new DriverEvent.ParticipantLeft(participant(event)));
            case "removed" ->
                enqueue(new DriverEvent.Removed(event.path("from_waiting_room").asBoolean(false)));
            case "authorized_user_left" -> enqueue(new DriverEvent.AuthorizedUserLeft());
            case "meeting_ended" -> enqueue(new DriverEvent.MeetingEnded());
            default -> log.debug("ignoring emulator event {}", name);
        }
    }

    private void status(JsonNode node) {
        String status = node.path("status").asText("");
        if (status.equals(lastStatus)) {
            return; // the stream repeats the join answer's status on connect
        }
        lastStatus = status;
        switch (status) {
            case "in_meeting" ->
                enqueue(new DriverEvent.InMeeting(
                        "host".equals(node.path("role").asText())));
            case "waiting_for_host" -> enqueue(new DriverEvent.WaitingForHost());
            case "waiting_room" -> enqueue(new DriverEvent.InWaitingRoom());
            default -> log.warn("unknown emulator participant status {}", status);
        }
    }

    private MeetingParticipant participant(JsonNode node) {
        String self;
        synchronized (lock) {
            self = participantId;
        }
        return EmulatorWire.participant(node, self);
    }

    private JsonNode parse(byte[] body) {
        try {
            return body.length == 0 ? json.createObjectNode() : json.readTree(body);
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    private void enqueue(DriverEvent event) {
        if (finished) {
            return;
        }
        if (event.isFinal()) {
            finished = true;
        }
        events.add(event);
    }

    private boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }

    @Override
    public Optional<DriverEvent> next(Duration timeout) throws InterruptedException {
        return Optional.ofNullable(events.poll(Math.max(0, timeout.toMillis()), TimeUnit.MILLISECONDS));
    }

    @Override
    public void leave() {
        InputStream open;
        Thread thread;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            request = null;
            open = stream;
            stream = null;
            thread = reader;
        }
        sendLeave();
        if (open != null) {
            try {
                open.close();
            } catch (IOException e) {
                log.debug("closing the event stream of meeting {} failed: {}", meetingNumber, e.toString());
            }
        }
        if (thread != null && thread != Thread.currentThread()) {
            thread.interrupt();
        }
    }

    private void sendLeave() {
        URI url;
        synchronized (lock) {
            url = leaveUrl;
            leaveUrl = null;
        }
        if (url == null) {
            return;
        }
        HttpRequest post = HttpRequest.newBuilder(url)
                .timeout(requestTimeout)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        try {
            http.send(post, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            log.debug("leaving meeting {} failed: {}", meetingNumber, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        leave();
    }
}
