package dev.signet.emulator.join;

import static dev.signet.emulator.Fixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
 * Joins and leaves racing in one meeting while every participant's stream is open and read at once: each stream sees
 * its status, then a roster that only ever makes sense (nobody joins twice, nobody leaves who was not there), and once
 * a last person enters after all the racing, every stream that is still open holds exactly the meeting's participants:
 * no event lost, none reordered.
 */
@Timeout(120)
class BusyMeetingTest {
    private static final long BUSY = 81200000004L;
    private static final int BOTS = 80;
    private static final String LAST = "Last one in";

    private final Fixture f = Fixture.demo(c -> c.withPingInterval(Duration.ofHours(1)));
    private final List<SseClient> streams = new ArrayList<>();

    /** What one stream showed: its roster when it ended or saw the last person enter, and anything wrong on the way. */
    private record Seen(String participantId, Set<String> roster, boolean sawLast, List<String> wrong) {}

    @AfterEach
    void close() throws Exception {
        synchronized (streams) {
            for (SseClient s : streams) {
                s.close();
            }
        }
        f.close();
    }

    @Test
    void racingJoinsAndLeaves_everyStreamSeesAConsistentRoster_andEndsWithTheMeetings() throws Exception {
        f.http.postJson(
                "/emulator/admin/seed",
                "{\"accounts\":[{\"id\":\"acme-account\",\"name\":\"Acme\",\"meetings\":[{\"id\":" + BUSY
                        + ",\"host\":\"u-hana-host\",\"topic\":\"Busy\",\"capacity\":" + (BOTS + 2) + "}]}]}");
        String host = f.startAsHost(BUSY);
        String signature = f.acmeSignature(BUSY, 0);
        List<Future<Seen>> seen = new ArrayList<>();
        Set<String> leavers = new HashSet<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            seen.add(pool.submit(() -> watch(host)));
            List<Future<?>> joins = new ArrayList<>();
            for (int i = 0; i < BOTS; i++) {
                String name = "bot " + i;
                boolean leaves = i % 4 == 0;
                joins.add(pool.submit(() -> {
                    HttpResponse<String> r = f.join(BUSY, "signature", signature, "display_name", name);
                    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                    String id = json(r).get("participant_id").asText();
                    Future<Seen> watched = pool.submit(() -> watch(id));
                    synchronized (seen) {
                        seen.add(watched);
                    }
                    if (leaves) {
                        synchronized (leavers) {
                            leavers.add(id);
                        }
                        assertThat(f.http.postJson("/emulator/participants/" + id + "/leave", "{}")
                                        .statusCode())
                                .isEqualTo(204);
                    }
                    return null;
                }));
            }
            for (Future<?> join : joins) {
                join.get();
            }
            HttpResponse<String> last =
                    f.http.postJson("/emulator/meetings/" + BUSY + "/people", "{\"display_name\":\"" + LAST + "\"}");
            assertThat(last.statusCode()).as(last.body()).isEqualTo(200);

            Set<String> inMeeting = new HashSet<>();
            for (JsonNode p : json(f.http.get("/emulator/meetings/" + BUSY)).get("participants")) {
                if (p.get("status").asText().equals("in_meeting")) {
                    inMeeting.add(p.get("participant_id").asText());
                }
            }
            assertThat(inMeeting).hasSize(1 + BOTS - leavers.size() + 1);
            List<Future<Seen>> all;
            synchronized (seen) {
                all = List.copyOf(seen);
            }
            assertThat(all).hasSize(BOTS + 1);
            for (Future<Seen> future : all) {
                Seen s = future.get();
                assertThat(s.wrong()).as("stream of %s", s.participantId()).isEmpty();
                if (!leavers.contains(s.participantId())) {
                    assertThat(s.sawLast())
                            .as("stream of %s saw the last one in", s.participantId())
                            .isTrue();
                    assertThat(s.roster()).as("roster of %s", s.participantId()).isEqualTo(inMeeting);
                }
            }
        }
    }

    /** Reads {@code participantId}'s stream until it ends or reports {@link #LAST}, checking every event. */
    private Seen watch(String participantId) {
        SseClient s = new SseClient(
                f.http.client(),
                f.http.request("/emulator/participants/" + participantId + "/events")
                        .GET()
                        .build());
        synchronized (streams) {
            streams.add(s);
        }
        Set<String> roster = new HashSet<>();
        List<String> wrong = new ArrayList<>();
        SseClient.Event first = s.next();
        if (first == null) { // a participant that left before its stream connected: the stream closes at once
            return new Seen(participantId, roster, false, wrong);
        }
        if (!first.name().equals("status")) {
            wrong.add("first event " + first);
        }
        for (SseClient.Event e = s.next(); e != null; e = s.next()) {
            String id = e.data().path("participant_id").asText();
            switch (e.name()) {
                case "participant_joined" -> {
                    if (!roster.add(id)) {
                        wrong.add("joined twice: " + id);
                    }
                    if (e.data().get("display_name").asText().equals(LAST)) {
                        return new Seen(participantId, roster, true, wrong);
                    }
                }
                case "participant_left" -> {
                    if (!roster.remove(id)) {
                        wrong.add("left without having joined: " + id);
                    }
                }
                default -> wrong.add("unexpected " + e);
            }
        }
        return new Seen(participantId, roster, false, wrong);
    }
}
