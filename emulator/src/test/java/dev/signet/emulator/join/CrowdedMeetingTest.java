package dev.signet.emulator.join;

import static dev.signet.emulator.Fixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.emulator.Fixture;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Many participants joining one meeting at once, each connecting its event stream right after its join: every stream
 * starts with its status and then reports every participant exactly once, with no keep-alive needed to push events
 * out (pings are an hour apart here).
 */
@Timeout(60)
class CrowdedMeetingTest {
    private static final long CROWDED = 81200000003L;
    private static final int BOTS = 40;

    private final Fixture f = Fixture.demo(c -> c.withPingInterval(Duration.ofHours(1)));
    private final List<SseClient> streams = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (SseClient s : streams) {
            s.close();
        }
        f.close();
    }

    @Test
    void concurrentJoins_everyStreamSeesEveryoneOnce() throws Exception {
        f.http.postJson(
                "/emulator/admin/seed",
                "{\"accounts\":[{\"id\":\"acme-account\",\"name\":\"Acme\",\"meetings\":[{\"id\":" + CROWDED
                        + ",\"host\":\"u-hana-host\",\"topic\":\"Crowded\",\"capacity\":" + (BOTS + 1) + "}]}]}");
        String host = f.startAsHost(CROWDED);
        String signature = f.acmeSignature(CROWDED, 0);
        List<Future<Set<String>>> seen = new ArrayList<>();
        List<String> bots = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < BOTS; i++) {
                String name = "bot " + i;
                seen.add(pool.submit(() -> {
                    HttpResponse<String> r = f.join(CROWDED, "signature", signature, "display_name", name);
                    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                    String id = json(r).get("participant_id").asText();
                    synchronized (bots) {
                        bots.add(id);
                    }
                    return everyoneSeenBy(id);
                }));
            }
            Set<String> everyone = new HashSet<>();
            for (Future<Set<String>> s : seen) {
                Set<String> ids = s.get();
                assertThat(ids).hasSize(BOTS + 1).contains(host);
                everyone.addAll(ids);
            }
            assertThat(everyone).hasSize(BOTS + 1).containsAll(bots);
        }
    }

    /** Reads {@code participantId}'s stream until it reported everyone; fails on a participant reported twice. */
    private Set<String> everyoneSeenBy(String participantId) {
        SseClient s = new SseClient(
                f.http.client(),
                f.http.request("/emulator/participants/" + participantId + "/events")
                        .GET()
                        .build());
        synchronized (streams) {
            streams.add(s);
        }
        SseClient.Event first = s.next();
        assertThat(first).isNotNull();
        assertThat(first.name()).isEqualTo("status");
        Set<String> ids = new HashSet<>();
        while (ids.size() < BOTS + 1) {
            SseClient.Event e = s.next();
            assertThat(e).as("an event before the stream ended").isNotNull();
            assertThat(e.name()).isEqualTo("participant_joined");
            assertThat(ids.add(e.data().get("participant_id").asText()))
                    .as("reported once")
                    .isTrue();
        }
        return ids;
    }
}
