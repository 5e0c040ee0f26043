package dev.signet.emulator.join;

import static dev.signet.emulator.Fixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.emulator.EmulatorConfig;
import dev.signet.emulator.EmulatorServer;
import dev.signet.emulator.Fixture;
import dev.signet.emulator.TestHttp;
import dev.signet.emulator.seed.DemoSeed;
import dev.signet.emulator.seed.Seed;
import dev.signet.testkit.MutableClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class EventStreamTest {
    private static final long ACME = DemoSeed.ACME_MEETING;
    private static final long WAITING_ROOM = DemoSeed.ACME_WAITING_ROOM_MEETING;

    private final Fixture f = Fixture.demo();
    private final List<SseClient> streams = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (SseClient s : streams) {
            s.close();
        }
        f.close();
    }

    private String join(long meeting, Object... extra) {
        Object[] base = {
            "signature",
            f.acmeSignature(meeting, 0),
            "display_name",
            "Notetaker",
            "passcode",
            DemoSeed.ACME_MEETING_PASSCODE
        };
        Object[] all = java.util.Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        HttpResponse<String> r = f.join(meeting, all);
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

    private static SseClient.Event next(SseClient s) {
        SseClient.Event e = s.next();
        assertThat(e).as("an event before the stream ended").isNotNull();
        return e;
    }

    @Test
    void connect_inMeeting_sendsStatusThenEveryoneIncludingItself() {
        f.startAsHost(ACME);
        String bot = join(ACME, "zak", f.zak(DemoSeed.NOTETAKER_USER_ID));

        SseClient s = stream(bot);

        assertThat(s.response.statusCode()).isEqualTo(200);
        assertThat(s.response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/event-stream"));
        assertThat(s.response.headers().firstValue("Cross-Origin-Resource-Policy"))
                .hasValue("cross-origin");
        assertThat(s.response.headers().firstValue("Access-Control-Allow-Origin"))
                .hasValue("*");
        SseClient.Event status = next(s);
        assertThat(status.name()).isEqualTo("status");
        assertThat(status.data().toString()).isEqualTo("{\"status\":\"in_meeting\",\"role\":\"attendee\"}");
        SseClient.Event host = next(s);
        assertThat(host.name()).isEqualTo("participant_joined");
        assertThat(host.data().get("display_name").asText()).isEqualTo("Hana Host");
        assertThat(host.data().get("email").asText()).isEqualTo(DemoSeed.HOST_EMAIL);
        assertThat(host.data().get("role").asText()).isEqualTo("host");
        SseClient.Event self = next(s);
        assertThat(self.data().toString())
                .isEqualTo("{\"participant_id\":\"" + bot + "\",\"display_name\":\"Notetaker\","
                        + "\"email\":\"notetaker@acme.example\",\"avatar_url\":\"" + f.emulator.baseUrl()
                        + "/emulator/avatars/u-acme-notetaker.svg\",\"signed_in\":true,\"role\":\"attendee\"}");
    }

    @Test
    void waitingForHost_thenHostStarts_reportsStatusAndParticipants() {
        String bot = join(ACME);
        SseClient s = stream(bot);
        assertThat(next(s).data().get("status").asText()).isEqualTo("waiting_for_host");

        f.startAsHost(ACME);

        assertThat(next(s).data().get("status").asText()).isEqualTo("in_meeting");
        SseClient.Event self = next(s); // in the order people entered: the bot waited first
        assertThat(self.data().get("participant_id").asText()).isEqualTo(bot);
        assertThat(self.data().get("signed_in").asBoolean()).isFalse();
        assertThat(self.data().get("email").isNull()).isTrue();
        assertThat(next(s).data().get("display_name").asText()).isEqualTo("Hana Host");
    }

    @Test
    void waitingRoom_admitted_reportsInMeeting() {
        String host = f.startAsHost(WAITING_ROOM);
        String bot = join(WAITING_ROOM);
        SseClient s = stream(bot);
        assertThat(next(s).data().get("status").asText()).isEqualTo("waiting_room");

        f.http.postJson("/emulator/meetings/" + WAITING_ROOM + "/participants/" + bot + "/admit", "");

        assertThat(next(s).data().get("status").asText()).isEqualTo("in_meeting");
        assertThat(next(s).data().get("participant_id").asText()).isEqualTo(host);
    }

    @Test
    void othersJoiningAndLeaving_areReported() {
        f.startAsHost(ACME);
        SseClient s = stream(join(ACME));
        next(s);
        next(s);
        next(s);

        HttpResponse<String> person = f.http.postJson(
                "/emulator/meetings/" + ACME + "/people",
                "{\"display_name\":\"Nora Notetaker-fan\",\"user_id\":\"" + DemoSeed.NOTETAKER_USER_ID + "\"}");
        String pid = json(person).get("participant_id").asText();
        SseClient.Event joined = next(s);
        assertThat(joined.name()).isEqualTo("participant_joined");
        assertThat(joined.data().get("participant_id").asText()).isEqualTo(pid);
        assertThat(joined.data().get("signed_in").asBoolean()).isTrue();

        assertThat(f.http.postJson("/emulator/participants/" + pid + "/leave", "")
                        .statusCode())
                .isEqualTo(204);
        SseClient.Event left = next(s);
        assertThat(left.name()).isEqualTo("participant_left");
        assertThat(left.data().get("participant_id").asText()).isEqualTo(pid);
    }

    @Test
    void removedByHost_sendsRemovedAndCloses() {
        f.startAsHost(ACME);
        String bot = join(ACME);
        SseClient s = stream(bot);
        next(s);
        next(s);
        next(s);

        f.http.postJson("/emulator/meetings/" + ACME + "/participants/" + bot + "/remove", "");

        SseClient.Event removed = next(s);
        assertThat(removed.name()).isEqualTo("removed");
        assertThat(removed.data().toString())
                .isEqualTo("{\"error_code\":3009,\"reason\":\"You have been removed by the host.\","
                        + "\"from_waiting_room\":false}");
        assertThat(s.next()).isNull();
    }

    @Test
    void removedFromWaitingRoom_saysSo() {
        f.startAsHost(WAITING_ROOM);
        String bot = join(WAITING_ROOM);
        SseClient s = stream(bot);
        next(s);

        f.http.postJson("/emulator/meetings/" + WAITING_ROOM + "/participants/" + bot + "/remove", "");

        assertThat(next(s).data().get("from_waiting_room").asBoolean()).isTrue();
        assertThat(s.next()).isNull();
    }

    @Test
    void meetingEnded_sendsMeetingEndedAndCloses() {
        f.startAsHost(ACME);
        SseClient s = stream(join(ACME));
        next(s);

        f.http.postJson("/emulator/meetings/" + ACME + "/end", "");

        SseClient.Event ended = skipTo(s, "meeting_ended");
        assertThat(ended).isNotNull();
        assertThat(ended.data().toString())
                .isEqualTo("{\"error_code\":4004,\"reason\":\"The meeting has been ended by the host.\"}");
        assertThat(s.next()).isNull();
    }

    @Test
    void obfParticipant_removedWhenAuthorizingUserLeaves() {
        String host = f.startAsHost(ACME);
        String obf = f.obf(DemoSeed.HOST_USER_ID, ACME);
        String bot = join(ACME, "obf_token", obf);
        SseClient s = stream(bot);
        next(s);

        f.http.postJson("/emulator/participants/" + host + "/leave", "");

        SseClient.Event gone = skipTo(s, "authorized_user_left");
        assertThat(gone).isNotNull();
        assertThat(gone.data().get("error_code").asInt()).isEqualTo(4019);
        assertThat(s.next()).isNull();
        String state = f.http.get("/emulator/meetings/" + ACME).body();
        assertThat(state)
                .contains("\"participant_id\":\"" + bot + "\",\"display_name\":\"Notetaker\",\"status\":\"removed\"");
    }

    @Test
    void everyObfParticipantOfTheLeavingUser_gets4019_othersStay() {
        String host = f.startAsHost(ACME);
        f.http.postJson(
                "/emulator/meetings/" + ACME + "/people",
                "{\"display_name\":\"Nora\",\"user_id\":\"" + DemoSeed.NOTETAKER_USER_ID + "\"}");
        String first = join(ACME, "obf_token", f.obf(DemoSeed.HOST_USER_ID, ACME));
        String second = join(ACME, "obf_token", f.obf(DemoSeed.HOST_USER_ID, ACME));
        String other = join(ACME, "obf_token", f.obf(DemoSeed.NOTETAKER_USER_ID, ACME));
        SseClient s1 = stream(first);
        SseClient s2 = stream(second);
        next(s1);
        next(s2);

        f.http.postJson("/emulator/participants/" + host + "/leave", "");

        for (SseClient s : List.of(s1, s2)) {
            SseClient.Event gone = skipTo(s, "authorized_user_left");
            assertThat(gone).isNotNull();
            assertThat(gone.data().get("error_code").asInt()).isEqualTo(4019);
        }
        String state = f.http.get("/emulator/meetings/" + ACME).body();
        assertThat(state)
                .contains("\"participant_id\":\"" + first + "\",\"display_name\":\"Notetaker\",\"status\":\"removed\"")
                .contains("\"participant_id\":\"" + second + "\",\"display_name\":\"Notetaker\",\"status\":\"removed\"")
                .contains("\"participant_id\":\"" + other
                        + "\",\"display_name\":\"Notetaker\",\"status\":\"in_meeting\"");
    }

    @Test
    void obfParticipant_staysWhileAnotherSessionOfTheUserRemains() {
        String host = f.startAsHost(ACME);
        f.http.postJson(
                "/emulator/meetings/" + ACME + "/people",
                "{\"display_name\":\"Hana on phone\",\"user_id\":\"" + DemoSeed.HOST_USER_ID + "\"}");
        String bot = join(ACME, "obf_token", f.obf(DemoSeed.HOST_USER_ID, ACME));

        f.http.postJson("/emulator/participants/" + host + "/leave", "");

        assertThat(f.http.get("/emulator/meetings/" + ACME).body())
                .contains(
                        "\"participant_id\":\"" + bot + "\",\"display_name\":\"Notetaker\",\"status\":\"in_meeting\"");
    }

    @Test
    void connectAfterRemoval_sendsTheTerminalEventAndCloses() {
        f.startAsHost(ACME);
        String bot = join(ACME);
        f.http.postJson("/emulator/meetings/" + ACME + "/participants/" + bot + "/remove", "");

        SseClient s = stream(bot);

        assertThat(next(s).name()).isEqualTo("removed");
        assertThat(s.next()).isNull();
    }

    @Test
    void leave_closesOwnStream_unknownIdIs404() {
        f.startAsHost(ACME);
        String bot = join(ACME);
        SseClient s = stream(bot);
        next(s);

        assertThat(f.http.postJson("/emulator/participants/" + bot + "/leave", "")
                        .statusCode())
                .isEqualTo(204);

        assertThat(skipTo(s, null)).isNull();
        assertThat(f.http.postJson("/emulator/participants/p_nope/leave", "").statusCode())
                .isEqualTo(404);
        assertThat(f.http.get("/emulator/participants/p_nope/events").statusCode())
                .isEqualTo(404);
    }

    @Test
    void secondConnection_replacesTheFirst() {
        f.startAsHost(ACME);
        String bot = join(ACME);
        SseClient first = stream(bot);
        next(first);

        SseClient second = stream(bot);

        assertThat(next(second).name()).isEqualTo("status");
        assertThat(skipTo(first, null)).isNull();
    }

    @Test
    void idleStream_sendsPings() throws Exception {
        try (EmulatorServer emulator = EmulatorServer.start(
                        EmulatorConfig.of(Seed.demo(), MutableClock.fixed()).withPingInterval(Duration.ofMillis(50)));
                TestHttp http = new TestHttp(emulator.baseUrl())) {
            http.postJson("/emulator/meetings/" + ACME + "/start", "{}");
            String pid = json(http.postJson("/emulator/meetings/" + ACME + "/people", "{\"display_name\":\"P\"}"))
                    .get("participant_id")
                    .asText();
            try (SseClient s = new SseClient(
                    http.client(),
                    http.request("/emulator/participants/" + pid + "/events")
                            .GET()
                            .build())) {
                String line;
                do {
                    line = s.line();
                } while (line != null && !line.equals(": ping"));
                assertThat(line).isEqualTo(": ping");
            }
        }
    }

    @Test
    void emulatorClose_endsOpenStreams() {
        f.startAsHost(ACME);
        SseClient s = stream(join(ACME));
        next(s);

        f.emulator.close();

        assertThat(skipTo(s, null)).isNull();
    }

    /** Reads until an event named {@code name} (null: until the stream ends). */
    private static SseClient.@Nullable Event skipTo(SseClient s, @Nullable String name) {
        for (SseClient.Event e = s.next(); e != null; e = s.next()) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        return null;
    }
}
