package dev.signet.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.signet.emulator.seed.DemoSeed;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code fatal} sub-code the emulator can provoke, through the whole stack: Zoom's refusal travels from the
 * emulator's join endpoint through the driver and the outcome table to the bot's status.
 */
@Timeout(120)
class JoinOutcomesEndToEndTest {
    @TempDir
    static Path dir;

    static E2eStack stack;
    static TokenServer tokens;

    @BeforeAll
    static void start() {
        stack = new E2eStack(dir, E2eStack.Options.standard());
        tokens = new TokenServer(stack.zakUrl(null));
    }

    @AfterAll
    static void stop() {
        tokens.close();
        stack.close();
    }

    private static String url(long meeting) {
        return "https://zoom.us/j/" + meeting;
    }

    @Test
    void unknownMeeting_endsMeetingNotFound() {
        String bot = stack.api.createBot(url(81299999999L), "Lost", null);

        stack.api.awaitFatal(bot, "meeting_not_found");
    }

    @Test
    void wrongPasscode_endsMeetingPasswordIncorrect() {
        Zoom.Meeting meeting = stack.zoom.create(false, false, "right1");
        stack.zoom.start(meeting.number());

        String bot = stack.api.createBot(url(meeting.number()) + "?pwd=wrong1", "Wrong Passcode", null);

        stack.api.awaitFatal(bot, "meeting_password_incorrect");
    }

    @Test
    void rightPasscodeFromTheJoinUrl_joins() {
        Zoom.Meeting meeting = stack.zoom.create(false, false, "right1");
        stack.zoom.start(meeting.number());

        String bot = stack.api.createBot(meeting.joinUrl(), "Right Passcode", null);

        stack.api.awaitStatus(bot, "in_call_not_recording");
        stack.api.leaveCall(bot);
        stack.api.awaitCallEnded(bot, "bot_received_leave_call");
    }

    @Test
    void lockedMeeting_endsMeetingLocked() {
        Zoom.Meeting meeting = stack.zoom.started();
        stack.zoom.lock(meeting.number());

        String bot = stack.api.createBot(meeting.joinUrl(), "Locked Out", null);

        stack.api.awaitFatal(bot, "meeting_locked");
    }

    @Test
    void endedMeeting_endsMeetingEnded() {
        Zoom.Meeting meeting = stack.zoom.started();
        stack.zoom.end(meeting.number());

        String bot = stack.api.createBot(meeting.joinUrl(), "Too Late", null);

        stack.api.awaitFatal(bot, "meeting_ended");
    }

    @Test
    void fullMeeting_endsMeetingFull() {
        long tiny = 81200000077L;
        stack.zoom.seedMeeting(tiny, 1);
        stack.zoom.start(tiny);

        String bot = stack.api.createBot(url(tiny), "No Room", null);

        stack.api.awaitFatal(bot, "meeting_full");
    }

    @Test
    void junkButWellFormedZak_endsZoomInvalidZak() {
        Zoom.Meeting meeting = stack.zoom.create(true, false, null);
        stack.zoom.start(meeting.number());

        String bot = stack.api.createBot(meeting.joinUrl(), "Junk Zak", tokens.url("/junk"));

        stack.api.awaitFatal(bot, "zoom_invalid_zak");
        assertThat(tokens.calls("/junk")).isEqualTo(1);
    }

    @Test
    void zakRevokedBySignOutOfAllDevices_endsZoomInvalidZak() {
        Zoom.Meeting meeting = stack.zoom.create(true, false, null);
        stack.zoom.start(meeting.number());
        String first = stack.api.createBot(meeting.joinUrl(), "Before Sign-out", stack.zakUrl(DemoSeed.HOST_EMAIL));
        stack.api.awaitStatus(first, "in_call_not_recording");

        // The broker keeps handing out the ZAK it minted (reuse window); Zoom has revoked it meanwhile.
        assertThat(stack.zoom.signOut(DemoSeed.HOST_USER_ID)).isPositive();
        String second = stack.api.createBot(meeting.joinUrl(), "After Sign-out", stack.zakUrl(DemoSeed.HOST_EMAIL));

        JsonNode fatal = stack.api.awaitFatal(second, "zoom_invalid_zak");
        assertThat(fatal.get("message").asText()).doesNotContain(E2eStack.BROKER_SECRET);
        stack.api.leaveCall(first);
        stack.api.awaitFinal(first);
    }

    @Test
    void waitingRoom_thenAdmitted_isInCall() {
        Zoom.Meeting meeting = stack.zoom.create(false, true, null);
        stack.zoom.start(meeting.number());

        String bot = stack.api.createBot(meeting.joinUrl(), "Waiting Patiently", null);
        stack.api.awaitStatus(bot, "in_waiting_room");
        JsonNode waiting = stack.zoom.participant(meeting.number(), "Waiting Patiently");
        assertThat(waiting).isNotNull();
        assertThat(waiting.get("status").asText()).isEqualTo("waiting_room");
        stack.zoom.admit(meeting.number(), waiting.get("participant_id").asText());

        stack.api.awaitStatus(bot, "in_call_not_recording");
        assertThat(Api.codes(stack.api.bot(bot)))
                .containsExactly("ready", "joining_call", "in_waiting_room", "in_call_not_recording");
        stack.api.leaveCall(bot);
        stack.api.awaitCallEnded(bot, "bot_received_leave_call");
    }

    @Test
    void waitingForHost_thenHostStarts_isInCall() {
        Zoom.Meeting meeting = stack.zoom.create(false, false, null);

        String bot = stack.api.createBot(meeting.joinUrl(), "Early Bird", null);
        JsonNode waiting = Api.last(stack.api.awaitStatus(bot, "in_waiting_room"));
        assertThat(waiting.get("sub_code").asText()).isEqualTo("waiting_for_host");
        stack.zoom.start(meeting.number());

        stack.api.awaitStatus(bot, "in_call_not_recording");
        stack.api.leaveCall(bot);
        stack.api.awaitCallEnded(bot, "bot_received_leave_call");
    }

    @Test
    void anotherUsersZak_meetingNotStarted_cannotStartIt_waitsForTheHost_thenJoins() {
        // The bot asks to start the meeting (role 1); Zoom answers 3003 (not the host); it joins as an attendee.
        Zoom.Meeting meeting = stack.zoom.create(true, false, null);

        String bot = stack.api.createBot(meeting.joinUrl(), "Not The Host", stack.zakUrl(DemoSeed.NOTETAKER_EMAIL));
        JsonNode waiting = Api.last(stack.api.awaitStatus(bot, "in_waiting_room"));
        assertThat(waiting.get("sub_code").asText()).isEqualTo("waiting_for_host");
        assertThat(stack.zoom.state(meeting.number()).get("status").asText()).isEqualTo("waiting");
        stack.zoom.start(meeting.number());

        stack.api.awaitStatus(bot, "in_call_not_recording");
        JsonNode seen = stack.zoom.participant(meeting.number(), "Not The Host");
        assertThat(seen).isNotNull();
        assertThat(seen.get("role").asText()).isEqualTo("attendee");
        assertThat(seen.get("signed_in_as").asText()).isEqualTo(DemoSeed.NOTETAKER_EMAIL);
        stack.api.leaveCall(bot);
        stack.api.awaitCallEnded(bot, "bot_received_leave_call");
    }

    @Test
    void anotherAccountsMeeting_withoutZak_4012_endsMeetingRequiresSignIn() {
        stack.zoom.start(DemoSeed.GLOBEX_MEETING);

        String bot = stack.api.createBot(
                url(DemoSeed.GLOBEX_MEETING) + "?pwd=" + DemoSeed.GLOBEX_MEETING_PASSCODE, "Outsider", null);

        JsonNode fatal = stack.api.awaitFatal(bot, "meeting_requires_sign_in");
        assertThat(fatal.get("message").asText()).startsWith("Sign In Required");
    }

    @Test
    void neverAdmitted_endsTimeoutExceededWaitingRoom() {
        Zoom.Meeting meeting = stack.zoom.create(false, true, null);
        stack.zoom.start(meeting.number());
        ObjectNode body = Api.body(meeting.joinUrl(), "Never Admitted", null);
        body.putObject("automatic_leave").put("waiting_room_timeout", 1);

        String bot = stack.api.create(body).get("id").asText();

        stack.api.awaitCallEnded(bot, "timeout_exceeded_waiting_room");
        assertThat(Api.codes(stack.api.bot(bot))).contains("in_waiting_room");
        assertThat(stack.zoom.participant(meeting.number(), "Never Admitted")).isNull();
    }

    @Test
    void hostNeverCame_endsTimeoutExceededWaitingRoom() {
        Zoom.Meeting meeting = stack.zoom.create(false, false, null);
        ObjectNode body = Api.body(meeting.joinUrl(), "Host Never Came", null);
        body.putObject("automatic_leave").put("waiting_room_timeout", 1);

        String bot = stack.api.create(body).get("id").asText();

        stack.api.awaitCallEnded(bot, "timeout_exceeded_waiting_room");
    }

    @Test
    void aloneInTheCall_endsTimeoutExceededNooneJoined() {
        Zoom.Meeting meeting = stack.zoom.create(false, false, true, null);
        ObjectNode body = Api.body(meeting.joinUrl(), "Alone", null);
        body.putObject("automatic_leave").put("noone_joined_timeout", 1);

        String bot = stack.api.create(body).get("id").asText();

        stack.api.awaitCallEnded(bot, "timeout_exceeded_noone_joined");
        assertThat(Api.codes(stack.api.bot(bot))).contains("in_call_not_recording");
    }

    @Test
    void everyoneElseLeft_endsTimeoutExceededEveryoneLeft() {
        Zoom.Meeting meeting = stack.zoom.create(false, false, null);
        String host = stack.zoom.start(meeting.number());
        ObjectNode body = Api.body(meeting.joinUrl(), "Last One Here", null);
        body.putObject("automatic_leave")
                .put("noone_joined_timeout", 600)
                .putObject("everyone_left_timeout")
                .put("timeout", 1)
                .put("activate_after", 0);
        String bot = stack.api.create(body).get("id").asText();
        JsonNode inCall = stack.api.awaitStatus(bot, "in_call_not_recording");
        org.awaitility.Awaitility.await()
                .atMost(Api.WAIT)
                .until(() -> stack.api.bot(bot).get("meeting_participants").size() >= 2);
        assertThat(inCall.get("id").asText()).isEqualTo(bot);

        stack.zoom.leave(host);

        stack.api.awaitCallEnded(bot, "timeout_exceeded_everyone_left");
    }

    @Test
    void removedByTheHost_endsBotKickedFromCall() {
        Zoom.Meeting meeting = stack.zoom.started();
        String bot = stack.api.createBot(meeting.joinUrl(), "Kicked", null);
        stack.api.awaitStatus(bot, "in_call_not_recording");

        JsonNode seen = stack.zoom.participant(meeting.number(), "Kicked");
        assertThat(seen).isNotNull();
        stack.zoom.remove(meeting.number(), seen.get("participant_id").asText());

        stack.api.awaitCallEnded(bot, "bot_kicked_from_call");
    }

    @Test
    void removedFromTheWaitingRoom_endsBotKickedFromWaitingRoom() {
        Zoom.Meeting meeting = stack.zoom.create(false, true, null);
        stack.zoom.start(meeting.number());
        String bot = stack.api.createBot(meeting.joinUrl(), "Turned Away", null);
        stack.api.awaitStatus(bot, "in_waiting_room");

        JsonNode seen = stack.zoom.participant(meeting.number(), "Turned Away");
        assertThat(seen).isNotNull();
        stack.zoom.remove(meeting.number(), seen.get("participant_id").asText());

        stack.api.awaitCallEnded(bot, "bot_kicked_from_waiting_room");
    }

    @Test
    void hostEndsTheMeeting_endsCallEndedByHost() {
        Zoom.Meeting meeting = stack.zoom.started();
        String bot = stack.api.createBot(meeting.joinUrl(), "Until The End", null);
        stack.api.awaitStatus(bot, "in_call_not_recording");

        stack.zoom.end(meeting.number());

        stack.api.awaitCallEnded(bot, "call_ended_by_host");
    }

    @Test
    void leaveCall_endsBotReceivedLeaveCall_andTheBotLeavesTheMeeting() {
        Zoom.Meeting meeting = stack.zoom.started();
        String bot = stack.api.createBot(meeting.joinUrl(), "Polite", null);
        stack.api.awaitStatus(bot, "in_call_not_recording");
        assertThat(stack.zoom.participant(meeting.number(), "Polite")).isNotNull();

        stack.api.leaveCall(bot);

        stack.api.awaitCallEnded(bot, "bot_received_leave_call");
        assertThat(stack.zoom.participant(meeting.number(), "Polite")).isNull();
    }
}
