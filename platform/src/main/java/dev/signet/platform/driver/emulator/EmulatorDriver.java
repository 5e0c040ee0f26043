package dev.signet.platform.driver.emulator;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.signet.platform.driver.JoinRequest;
import dev.signet.platform.driver.MeetingDriver;
import dev.signet.platform.driver.MeetingSession;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;

/**
 * The {@code emulator} meeting driver: joins meetings of a Signet emulator over its HTTP join protocol
 * ({@code emulator/README.md}, "Join protocol") and reads the participant's server-sent event stream on a virtual
 * thread per session.
 */
public final class EmulatorDriver implements MeetingDriver {
    private final URI baseUrl;
    private final HttpClient http;
    private final Duration requestTimeout;
    // Jackson keeps its buffers per thread by default; on virtual threads (one per bot) each thread's buffers
    // stay as long as it lives, about 10 KiB a bot. One pool for the mapper instead.
    private final ObjectMapper json = new ObjectMapper(JsonFactory.builder()
            .recyclerPool(JsonRecyclerPools.newConcurrentDequePool())
            .build());

    /**
     * @param baseUrl the emulator's base URL, e.g. {@code http://127.0.0.1:9090}
     * @param http the client (its connect timeout applies)
     * @param requestTimeout the timeout of the join and leave requests (not of the event stream)
     */
    public EmulatorDriver(URI baseUrl, HttpClient http, Duration requestTimeout) {
        String base = Objects.requireNonNull(baseUrl, "baseUrl").toString();
        this.baseUrl = URI.create(base.endsWith("/") ? base : base + "/");
        this.http = http;
        this.requestTimeout = requestTimeout;
    }

    /** A driver with its own HTTP/1.1 client: 5 s connect timeout, 30 s request timeout. */
    public static EmulatorDriver of(URI baseUrl) {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1) // one long-lived event stream per participant, no h2c upgrade
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        return new EmulatorDriver(baseUrl, http, Duration.ofSeconds(30));
    }

    @Override
    public MeetingSession join(JoinRequest request) {
        EmulatorSession session = new EmulatorSession(baseUrl, http, requestTimeout, json, request);
        Thread.ofVirtual().name("emulator-session-" + request.meetingNumber()).start(session::run);
        return session;
    }

    @Override
    public String toString() {
        return "EmulatorDriver[" + baseUrl + "]";
    }
}
