package dev.signet.platform.driver.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.signet.platform.driver.DriverEvent;
import dev.signet.platform.driver.DriverFailure;
import dev.signet.platform.driver.JoinRequest;
import dev.signet.platform.driver.MeetingParticipant;
import dev.signet.platform.driver.MeetingSession;
import dev.signet.secrets.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class EmulatorDriverTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String SELF = "{\"participant_id\":\"p_1\",\"display_name\":\"Notetaker\","
            + "\"email\":\"bot@acme.example\",\"avatar_url\":\"http://127.0.0.1/a.png\",\"signed_in\":true,"
            + "\"role\":\"attendee\"}";
    private static final String ALICE = "{\"participant_id\":\"p_2\",\"display_name\":\"Alice\","
            + "\"email\":null,\"avatar_url\":null,\"signed_in\":false,\"role\":\"host\"}";

    private FakeEmulator emulator;
    private EmulatorDriver driver;

    @BeforeEach
    void start() throws Exception {
        emulator = new FakeEmulator();
        driver = EmulatorDriver.of(emulator.url());
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private static JoinRequest request(int role, @Nullable Secret zak) {
        return new JoinRequest(
                "81234567890",
                "pwd.1",
                null,
                "Notetaker",
                role,
                zak,
                null,
                null,
                null,
                Secret.of("header.claims.sig"),
                "sdk-key");
    }

    private static DriverEvent next(MeetingSession session) throws InterruptedException {
        Optional<DriverEvent> event = session.next(WAIT);
        assertThat(event).as("an event within %s", WAIT).isPresent();
        return event.orElseThrow();
    }

    @Test
    void join_admitted_reportsStatusParticipantsAndEnd() throws Exception {
        emulator.admits("p_1", "in_meeting");
        try (MeetingSession session = driver.join(request(0, Secret.of("zak-value")))) {
            assertThat(next(session)).isEqualTo(new DriverEvent.InMeeting(false));

            emulator.send("p_1", "status", "{\"status\":\"in_meeting\",\"role\":\"attendee\"}");
            emulator.send("p_1", "participant_joined", SELF);
            emulator.sendRaw("p_1", ": ping\n\n");
            emulator.send("p_1", "participant_joined", ALICE);
            emulator.send("p_1", "participant_left", ALICE);
            emulator.send("p_1", "meeting_ended", "{\"error_code\":4004,\"reason\":\"Ended by host.\"}");

            List<DriverEvent> events = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                events.add(next(session));
            }
            assertThat(events)
                    .containsExactly(
                            new DriverEvent.ParticipantJoined(new MeetingParticipant(
                                    "p_1",
                                    "Notetaker",
                                    "bot@acme.example",
                                    "http://127.0.0.1/a.png",
                                    true,
                                    false,
                                    true)),
                            new DriverEvent.ParticipantJoined(
                                    new MeetingParticipant("p_2", "Alice", null, null, false, true, false)),
                            new DriverEvent.ParticipantLeft(
                                    new MeetingParticipant("p_2", "Alice", null, null, false, true, false)),
                            new DriverEvent.MeetingEnded());
            assertThat(session.next(Duration.ofMillis(50))).isEmpty();
        }
        JsonNode body = new ObjectMapper().readTree(emulator.joinBodies.getFirst());
        assertThat(body.get("sdk_key").asText()).isEqualTo("sdk-key");
        assertThat(body.get("signature").asText()).isEqualTo("header.claims.sig");
        assertThat(body.get("display_name").asText()).isEqualTo("Notetaker");
        assertThat(body.get("passcode").asText()).isEqualTo("pwd.1");
        assertThat(body.get("role").asInt()).isZero();
        assertThat(body.get("zak").asText()).isEqualTo("zak-value");
        assertThat(body.has("obf_token")).isFalse();
        assertThat(body.has("tk")).isFalse();
    }

    @Test
    void join_refused_reportsZoomCodeAndReason() throws Exception {
        emulator.answers(403, "{\"error_code\":3100,\"reason\":\"Require login\"}");

        try (MeetingSession session = driver.join(request(0, null))) {
            assertThat(next(session)).isEqualTo(new DriverEvent.JoinRefused(3100, "Require login"));
        }
        assertThat(new ObjectMapper().readTree(emulator.joinBodies.getFirst()).has("zak"))
                .isFalse();
    }

    @Test
    void join_malformedRequest_isDriverFailure() throws Exception {
        emulator.answers(400, "{\"error_code\":1,\"reason\":\"display_name is required\"}");

        try (MeetingSession session = driver.join(request(0, null))) {
            assertThat(next(session))
                    .isEqualTo(new DriverEvent.DriverFailed(
                            DriverFailure.CRASHED, "the emulator rejected the join request: display_name is required"));
        }
    }

    @Test
    void join_serverError_isConnectionFailure() throws Exception {
        emulator.answers(502, "");

        try (MeetingSession session = driver.join(request(0, null))) {
            assertThat(next(session))
                    .isInstanceOfSatisfying(
                            DriverEvent.JoinRefused.class,
                            refused -> assertThat(refused.zoomCode()).isEqualTo(1));
        }
    }

    @Test
    void join_emulatorUnreachable_isConnectionFailure() throws Exception {
        URI gone = emulator.url();
        emulator.close();

        try (MeetingSession session = EmulatorDriver.of(gone).join(request(0, null))) {
            assertThat(next(session)).isInstanceOfSatisfying(DriverEvent.JoinRefused.class, refused -> {
                assertThat(refused.zoomCode()).isEqualTo(1);
                assertThat(refused.reason()).contains("could not reach the emulator");
            });
        }
    }

    @Test
    void join_waitingForHostThenStarted_reportsBothAsHost() throws Exception {
        emulator.admits("p_1", "waiting_for_host");
        try (MeetingSession session = driver.join(request(1, Secret.of("host-zak")))) {
            assertThat(next(session)).isEqualTo(new DriverEvent.WaitingForHost());

            emulator.send("p_1", "status", "{\"status\":\"waiting_for_host\",\"role\":\"host\"}");
            emulator.send("p_1", "status", "{\"status\":\"in_meeting\",\"role\":\"host\"}");

            assertThat(next(session)).isEqualTo(new DriverEvent.InMeeting(true));
        }
    }

    @Test
    void join_waitingRoomThenRemoved_reportsRemovedFromWaitingRoom() throws Exception {
        emulator.admits("p_1", "waiting_room");
        try (MeetingSession session = driver.join(request(0, null))) {
            assertThat(next(session)).isEqualTo(new DriverEvent.InWaitingRoom());

            emulator.send("p_1", "removed", "{\"error_code\":3009,\"reason\":\"Removed.\",\"from_waiting_room\":true}");

            assertThat(next(session)).isEqualTo(new DriverEvent.Removed(true));
        }
    }

    @Test
    void stream_authorizedUserLeft_isReported() throws Exception {
        emulator.admits("p_1", "in_meeting");
        try (MeetingSession session = driver.join(request(0, null))) {
            next(session);
            emulator.send("p_1", "authorized_user_left", "{\"error_code\":4019,\"reason\":\"left\"}");

            assertThat(next(session)).isEqualTo(new DriverEvent.AuthorizedUserLeft());
        }
    }

    @Test
    void stream_endsWithoutFinalEvent_isDisconnected() throws Exception {
        emulator.admits("p_1", "in_meeting");
        try (MeetingSession session = driver.join(request(0, null))) {
            next(session);
            emulator.closeStream("p_1");

            assertThat(next(session)).isInstanceOf(DriverEvent.Disconnected.class);
        }
    }

    @Test
    void stream_refused_isDisconnected() throws Exception {
        emulator.admits("p_1", "in_meeting");
        emulator.eventsAnswer(404);
        try (MeetingSession session = driver.join(request(0, null))) {
            next(session);

            assertThat(next(session)).isEqualTo(new DriverEvent.Disconnected("the event stream answered 404"));
        }
    }

    @Test
    void leave_postsLeaveOnceAndStopsEvents() throws Exception {
        emulator.admits("p_1", "in_meeting");
        MeetingSession session = driver.join(request(0, null));
        next(session);

        session.leave();
        session.close();

        assertThat(emulator.leaves).containsExactly("p_1");
        emulator.send("p_1", "participant_joined", ALICE);
        assertThat(session.next(Duration.ofMillis(200))).isEmpty();
    }

    @Test
    void leave_whileJoinInFlight_leavesTheParticipantOnceJoined() throws Exception {
        emulator.admits("p_1", "in_meeting");
        var gate = emulator.holdJoins();
        MeetingSession session = driver.join(request(0, null));
        await().atMost(WAIT).until(() -> emulator.joinBodies.size() == 1);

        session.leave();
        assertThat(emulator.leaves).isEmpty();
        gate.countDown();

        await().atMost(WAIT).until(() -> emulator.leaves.contains("p_1"));
        assertThat(session.next(Duration.ofMillis(100))).isEmpty();
    }
}
