package dev.signet.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.signet.emulator.seed.DemoSeed;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * OBF end to end (issue 8): Acme's bots join meetings of <em>another</em> account (Globex) on behalf of Globex's Gary,
 * who authorized Acme's app. The OBF tokens are minted at each callback by the real emulator, with Gary's user-level
 * token, for the {@code meeting_id} the platform appended; the emulator enforces Zoom's rules (single use, bound to
 * the meeting, only while Gary is in it, 4019 when he leaves).
 */
@Timeout(120)
class ObfEndToEndTest {
    @TempDir
    static Path dir;

    static E2eStack stack;
    static ObfTokenServer obf;
    static TokenServer failing;

    @BeforeAll
    static void start() {
        stack = new E2eStack(dir, E2eStack.Options.standard().platform("SIGNET_OBF_RETRY_INTERVAL", "200ms"));
        stack.zoom.plan(DemoSeed.GLOBEX_ACCOUNT_ID, "pro"); // Free accounts may create 2 meetings a second
        String garyToken = stack.zoom.userAccessToken(DemoSeed.GLOBEX_USER_ID);
        obf = new ObfTokenServer(
                meeting -> stack.zoom.obf(garyToken, meeting),
                meeting -> stack.zoom.localRecordingToken(garyToken, meeting));
        failing = new TokenServer(stack.zakUrl(null));
    }

    @AfterAll
    static void stop() {
        failing.close();
        obf.close();
        stack.close();
    }

    private static ObjectNode obfBot(Zoom.Meeting meeting, String name, String obfUrl) {
        ObjectNode body = Api.body(meeting.joinUrl(), name, null);
        body.putObject("zoom").put("obf_token_url", obfUrl).put("user_email", "notes@acme.example");
        return body;
    }

    private static String create(ObjectNode body) {
        return stack.api.create(body).get("id").asText();
    }

    private static JsonNode waitingForUser(String bot) {
        JsonNode shown = stack.api.awaitStatus(bot, "in_waiting_room");
        assertThat(Api.last(shown).get("sub_code").asText()).isEqualTo("waiting_for_authorized_user");
        return shown;
    }

    @Test
    void externalMeeting_botWaitsForItsUserJoinsOnTheirBehalfAndLeavesWithThem() {
        Zoom.Meeting meeting = stack.zoom.createGlobex(true);
        String bot = create(obfBot(meeting, "Acme Notetaker (OBF)", obf.url("/obf")));

        waitingForUser(bot);
        await().atMost(Duration.ofSeconds(20)).until(() -> obf.callsFor(bot) >= 3);
        String gary = stack.zoom.start(meeting.number()); // Gary, the host, arrives
        stack.api.awaitStatus(bot, "in_call_not_recording");

        JsonNode shown = stack.zoom.participant(meeting.number(), "Acme Notetaker (OBF)");
        assertThat(shown.get("on_behalf_of").asBoolean()).as(shown.toString()).isTrue();
        // Every attempt fetched a fresh token for this meeting and bot: no token was used twice.
        List<ObfTokenServer.Call> calls =
                obf.calls().stream().filter(c -> c.botId().equals(bot)).toList();
        assertThat(calls).allSatisfy(c -> assertThat(c.meetingId()).isEqualTo(String.valueOf(meeting.number())));
        assertThat(obf.tokens()).doesNotHaveDuplicates();

        stack.zoom.leave(gary);

        JsonNode ended = stack.api.awaitCallEnded(bot, "authorized_user_left");
        assertThat(ended.get("message").asText()).isNotBlank();
        assertThat(Api.codes(stack.api.bot(bot)))
                .containsExactly(
                        "ready", "joining_call", "in_waiting_room", "in_call_not_recording", "call_ended", "done");
    }

    @Test
    void restartWhileWaitingForTheUser_resumesWaitingWithFreshTokensThenJoins() {
        Zoom.Meeting meeting = stack.zoom.createGlobex(true);
        String bot = create(obfBot(meeting, "Restarted Notetaker", obf.url("/obf")));
        waitingForUser(bot);

        stack.stopPlatform();
        long before = obf.callsFor(bot);
        stack.startPlatform();

        await().atMost(Duration.ofSeconds(20)).until(() -> obf.callsFor(bot) > before + 1);
        assertThat(Api.last(stack.api.bot(bot)).get("code").asText()).isIn("joining_call", "in_waiting_room");
        stack.zoom.start(meeting.number());
        stack.api.awaitStatus(bot, "in_call_not_recording");
        assertThat(Api.codes(stack.api.bot(bot)))
                .containsExactly(
                        "ready",
                        "joining_call",
                        "in_waiting_room",
                        "joining_call",
                        "in_waiting_room",
                        "in_call_not_recording");
        stack.api.leaveCall(bot);
        stack.api.awaitCallEnded(bot, "bot_received_leave_call");
    }

    @Test
    void userNeverArrives_endsFatalAtWaitingRoomTimeout() {
        Zoom.Meeting meeting = stack.zoom.createGlobex(true);
        ObjectNode body = obfBot(meeting, "Patient Notetaker", obf.url("/obf"));
        body.putObject("automatic_leave").put("waiting_room_timeout", 2);
        String bot = create(body);

        JsonNode fatal = stack.api.awaitFatal(bot, "zoom_obf_user_not_in_meeting");

        assertThat(fatal.get("message").asText()).contains("waiting_room_timeout");
        assertThat(obf.callsFor(bot)).isGreaterThan(1);
        assertThat(Api.codes(stack.api.bot(bot))).containsExactly("ready", "joining_call", "in_waiting_room", "fatal");
    }

    @Test
    void obfFetchFails_endsFatalObfTokenFetchFailedWithTheReason() {
        Zoom.Meeting meeting = stack.zoom.createGlobex(true);
        String bot = create(obfBot(meeting, "Refused Notetaker", failing.url("/status/401")));

        JsonNode fatal = stack.api.awaitFatal(bot, "zoom_obf_token_fetch_failed");

        assertThat(fatal.get("message").asText()).contains("obf_token_url").contains("401");
    }

    @Test
    void tokenZoomNeverMinted_endsFatalInvalidObfToken() {
        Zoom.Meeting meeting = stack.zoom.createGlobex(true);
        stack.zoom.start(meeting.number());
        String bot = create(obfBot(meeting, "Junk Notetaker", failing.url("/junk")));

        stack.api.awaitFatal(bot, "zoom_invalid_obf_token");
    }

    @Test
    void tokenForAnotherMeeting_endsFatalInvalidObfToken() {
        Zoom.Meeting meeting = stack.zoom.createGlobex(true);
        Zoom.Meeting other = stack.zoom.createGlobex(true);
        stack.zoom.start(meeting.number());
        String bot = create(obfBot(meeting, "Lost Notetaker", obf.url("/obf-for/" + other.number())));

        JsonNode fatal = stack.api.awaitFatal(bot, "zoom_invalid_obf_token");

        assertThat(fatal.get("message").asText()).contains("another meeting");
    }

    @Test
    void bothZakUrlAndObfTokenUrl_isRefusedWith400() {
        Zoom.Meeting meeting = stack.zoom.createGlobex(true);
        ObjectNode body = obfBot(meeting, "Greedy Notetaker", obf.url("/obf"));
        ((ObjectNode) body.get("zoom")).put("zak_url", stack.zakUrl(null));

        Http.Reply reply = stack.api.call("POST", "/api/v1/bot/", body);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("zoom").get(0).asText()).contains("cannot be used together");
    }

    @Test
    void withoutObf_externalSignedInMeeting_endsSignInRequiredNamingBothUrls() {
        Zoom.Meeting meeting = stack.zoom.createGlobex(true);
        stack.zoom.start(meeting.number());
        String bot = stack.api.createBot(meeting.joinUrl(), "Anonymous Notetaker", null);

        JsonNode fatal = stack.api.awaitFatal(bot, "meeting_requires_sign_in");

        assertThat(fatal.get("message").asText()).startsWith("Sign In Required").contains("obf_token_url");
    }

    @Test
    void joinTokenUrlAndUserEmail_reachZoomAsRecordingTokenAndUserEmail() {
        Zoom.Meeting meeting = stack.zoom.createGlobex(true);
        stack.zoom.start(meeting.number());
        ObjectNode body = obfBot(meeting, "Recording Notetaker", obf.url("/obf"));
        ((ObjectNode) body.get("zoom")).put("join_token_url", obf.url("/join-token"));
        String bot = create(body);

        stack.api.awaitStatus(bot, "in_call_not_recording");

        JsonNode shown = stack.zoom.participant(meeting.number(), "Recording Notetaker");
        assertThat(shown.get("local_recording").asText()).as(shown.toString()).isEqualTo("allowed");
        assertThat(shown.get("user_email").asText()).isEqualTo("notes@acme.example");
        assertThat(stack.api.bot(bot).get("zoom").get("join_token_url").asText())
                .contains("REDACTED")
                .doesNotContain(ObfTokenServer.QUERY_SECRET);
        stack.api.leaveCall(bot);
        stack.api.awaitCallEnded(bot, "bot_received_leave_call");
    }

    @Test
    void joinTokenUrl404_meansNoTokenAndTheBotStillJoins() {
        Zoom.Meeting meeting = stack.zoom.createGlobex(true);
        stack.zoom.start(meeting.number());
        ObjectNode body = obfBot(meeting, "Recorder-less Notetaker", obf.url("/obf"));
        ((ObjectNode) body.get("zoom")).put("join_token_url", obf.url("/no-join-token"));
        String bot = create(body);

        stack.api.awaitStatus(bot, "in_call_not_recording");

        assertThat(obf.calls())
                .filteredOn(c -> c.path().equals("/no-join-token"))
                .singleElement()
                .satisfies(c -> assertThat(c.meetingId()).isEqualTo(String.valueOf(meeting.number())))
                .satisfies(c -> assertThat(c.botId()).isEqualTo(bot));
        stack.api.leaveCall(bot);
        stack.api.awaitCallEnded(bot, "bot_received_leave_call");
    }
}
