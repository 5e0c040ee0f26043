package dev.signet.emulator.join;

import static dev.signet.emulator.Fixture.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signet.emulator.Fixture;
import dev.signet.emulator.seed.DemoSeed;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Zoom drops a participant whose connection is gone: a participant whose event stream's client went away and did not
 * reconnect within the disconnect grace (20 s on the emulator's clock, here a mutable one) leaves the meeting. Pings
 * every 50 ms let the emulator notice a gone client at once; the only wait is for that (Awaitility), never for the
 * grace.
 */
@Timeout(30)
class DisconnectGraceTest {
    private static final long ACME = DemoSeed.ACME_MEETING;
    private static final Duration GRACE = Duration.ofSeconds(20);

    private final Fixture f = Fixture.demo(c -> c.withPingInterval(Duration.ofMillis(50)));
    private final List<SseClient> streams = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (SseClient s : streams) {
            s.close();
        }
        f.close();
    }

    @Test
    void goneClient_leavesAfterTheGrace_othersSeeParticipantLeft() throws Exception {
        f.startAsHost(ACME);
        String gone = join("Gone");
        String stays = join("Stays");
        SseClient lost = stream(gone);
        SseClient watcher = stream(stays);
        assertThat(skipTo(lost, "participant_joined", stays)).isNotNull();
        assertThat(skipTo(watcher, "participant_joined", stays)).isNotNull();

        lost.close();
        awaitDisconnected(gone);
        f.clock.advance(GRACE.minusSeconds(1));
        assertThat(participant(gone).get("status").asText()).isEqualTo("in_meeting");
        f.clock.advance(Duration.ofSeconds(1));

        assertThat(participant(gone).get("status").asText()).isEqualTo("left");
        SseClient.Event left = skipTo(watcher, "participant_left", gone);
        assertThat(left).isNotNull();
        assertThat(left.data().get("display_name").asText()).isEqualTo("Gone");
        assertThat(participant(stays).get("status").asText()).isEqualTo("in_meeting");
    }

    @Test
    void sdkClientThatNeverConnectsItsStream_leavesAfterTheGrace_oneThatConnectsStays() throws Exception {
        f.startAsHost(ACME);
        String never = join("Died before its stream");
        String late = join("Streams late");
        f.clock.advance(GRACE.minusSeconds(1));
        SseClient stream = stream(late);
        assertThat(skipTo(stream, "participant_joined", late)).isNotNull();
        assertThat(participant(never).get("status").asText()).isEqualTo("in_meeting");

        f.clock.advance(Duration.ofSeconds(1));
        assertThat(participant(never).get("status").asText()).isEqualTo("left");
        assertThat(skipTo(stream, "participant_left", never)).isNotNull();
        f.clock.advance(GRACE.multipliedBy(3));
        assertThat(participant(late).get("status").asText()).isEqualTo("in_meeting");
    }

    @Test
    void reconnectWithinTheGrace_staysInTheMeeting() throws Exception {
        f.startAsHost(ACME);
        String bot = join("Flaky");
        SseClient first = stream(bot);
        assertThat(skipTo(first, "participant_joined", bot)).isNotNull();

        first.close();
        awaitDisconnected(bot);
        f.clock.advance(GRACE.minusSeconds(1));
        SseClient second = stream(bot);
        SseClient.Event status = second.next();
        f.clock.advance(GRACE.multipliedBy(3));

        assertThat(status).isNotNull();
        assertThat(status.data().get("status").asText()).isEqualTo("in_meeting");
        JsonNode shown = participant(bot);
        assertThat(shown.get("status").asText()).isEqualTo("in_meeting");
        assertThat(shown.get("connected").asBoolean()).isTrue();
    }

    @Test
    void goneHostWhoAuthorizedObf_leaves_obfParticipantGets4019_meetingGoesOn() throws Exception {
        HttpResponse<String> started = f.join(
                ACME,
                "signature",
                f.acmeSignature(ACME, 1),
                "display_name",
                "Hana",
                "role",
                1,
                "zak",
                f.zak(DemoSeed.HOST_USER_ID));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        String host = json(started).get("participant_id").asText();
        SseClient hostStream = stream(host);
        String person = json(f.http.postJson("/emulator/meetings/" + ACME + "/people", "{\"display_name\":\"Nora\"}"))
                .get("participant_id")
                .asText();
        String bot = join("Notetaker", "obf_token", f.obf(DemoSeed.HOST_USER_ID, ACME));
        SseClient botStream = stream(bot);
        assertThat(skipTo(hostStream, "participant_joined", bot)).isNotNull();
        assertThat(skipTo(botStream, "participant_joined", bot)).isNotNull();

        hostStream.close();
        awaitDisconnected(host);
        f.clock.advance(GRACE);

        assertThat(participant(host).get("status").asText()).isEqualTo("left");
        assertThat(skipTo(botStream, "participant_left", host)).isNotNull();
        SseClient.Event removed = skipTo(botStream, "authorized_user_left", null);
        assertThat(removed).isNotNull();
        assertThat(removed.data().get("error_code").asInt()).isEqualTo(4019);
        assertThat(participant(bot).get("status").asText()).isEqualTo("removed");
        JsonNode meeting = json(f.http.get("/emulator/meetings/" + ACME));
        assertThat(meeting.get("status").asText()).isEqualTo("started");
        assertThat(participant(person).get("status").asText()).isEqualTo("in_meeting");
    }

    @Test
    void goneClientInTheWaitingRoom_leavesIt() throws Exception {
        long waitingRoom = DemoSeed.ACME_WAITING_ROOM_MEETING;
        f.startAsHost(waitingRoom);
        HttpResponse<String> r =
                f.join(waitingRoom, "signature", f.acmeSignature(waitingRoom, 0), "display_name", "Waiter");
        assertThat(json(r).get("status").asText()).as(r.body()).isEqualTo("waiting_room");
        String waiter = json(r).get("participant_id").asText();
        SseClient s = stream(waiter);
        assertThat(s.next()).isNotNull();

        s.close();
        awaitDisconnected(waitingRoom, waiter);
        f.clock.advance(GRACE);

        assertThat(participant(waitingRoom, waiter).get("status").asText()).isEqualTo("left");
    }

    @Test
    void personWithoutAClient_isNotDropped() {
        String host = f.startAsHost(ACME); // host controls: a person, no SDK client, no stream
        String bot = join("No stream yet");

        f.clock.advance(Duration.ofHours(1));

        JsonNode shown = participant(host);
        assertThat(shown.get("status").asText()).isEqualTo("in_meeting");
        assertThat(shown.get("connected").asBoolean()).isFalse();
        assertThat(participant(bot).get("status").asText()).isEqualTo("left");
    }

    @Test
    void leaveAfterTheClientWentAway_isNotCountedTwice() throws Exception {
        f.startAsHost(ACME);
        String bot = join("Leaver");
        String stays = join("Stays");
        SseClient lost = stream(bot);
        SseClient watcher = stream(stays);
        assertThat(skipTo(lost, "participant_joined", stays)).isNotNull();
        lost.close();
        awaitDisconnected(bot);

        assertThat(f.http.postJson("/emulator/participants/" + bot + "/leave", "")
                        .statusCode())
                .isEqualTo(204);
        f.clock.advance(GRACE);
        f.http.get("/emulator/meetings/" + ACME); // looking at the meeting brings it up to date with the clock

        assertThat(skipTo(watcher, "participant_left", bot)).isNotNull();
        f.http.postJson("/emulator/meetings/" + ACME + "/end", "");
        SseClient.Event next = watcher.next();
        assertThat(next).isNotNull();
        assertThat(next.name()).as("no second participant_left").isEqualTo("meeting_ended");
    }

    private String join(String name, Object... extra) {
        Object[] base = {
            "signature", f.acmeSignature(ACME, 0), "display_name", name, "passcode", DemoSeed.ACME_MEETING_PASSCODE
        };
        Object[] all = java.util.Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        HttpResponse<String> r = f.join(ACME, all);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r).get("participant_id").asText();
    }

    private SseClient stream(String participantId) {
        SseClient s = new SseClient(
                f.http.client(),
                f.http.request("/emulator/participants/" + participantId + "/events")
                        .GET()
                        .build());
        streams.add(s);
        return s;
    }

    private void awaitDisconnected(String participantId) {
        awaitDisconnected(ACME, participantId);
    }

    /** Waits for the emulator to notice the gone client (at its next ping), the one real-time wait here. */
    private void awaitDisconnected(long meeting, String participantId) {
        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        !participant(meeting, participantId).get("connected").asBoolean());
    }

    private JsonNode participant(String participantId) {
        return participant(ACME, participantId);
    }

    private JsonNode participant(long meeting, String participantId) {
        for (JsonNode p : json(f.http.get("/emulator/meetings/" + meeting)).get("participants")) {
            if (p.get("participant_id").asText().equals(participantId)) {
                return p;
            }
        }
        throw new AssertionError("no participant " + participantId + " in meeting " + meeting);
    }

    /** Reads up to the event {@code name} (about {@code participantId}, when given); null when the stream ended. */
    private static SseClient.@Nullable Event skipTo(SseClient s, String name, @Nullable String participantId) {
        for (SseClient.Event e = s.next(); e != null; e = s.next()) {
            if (e.name().equals(name)
                    && (participantId == null
                            || participantId.equals(
                                    e.data().path("participant_id").asText()))) {
                return e;
            }
        }
        return null;
    }
}
