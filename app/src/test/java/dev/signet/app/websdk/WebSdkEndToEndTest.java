package dev.signet.app.websdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signet.emulator.seed.DemoSeed;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bots through the platform's API, joining with the {@code websdk} driver: real headless Chromium loads the join
 * page, which loads the emulator's stand-in Meeting SDK from the configured base URL, exactly as production loads
 * Zoom's. Nothing leaves loopback (Chromium runs with {@code --host-resolver-rules=MAP * ~NOTFOUND}).
 */
@Timeout(180)
class WebSdkEndToEndTest {
    private static final String MEETING_URL =
            "https://zoom.us/j/" + DemoSeed.ACME_MEETING + "?pwd=" + DemoSeed.ACME_MEETING_PASSCODE;
    private static final String SIGNED_IN_URL = "https://zoom.us/j/" + DemoSeed.ACME_SIGNED_IN_MEETING;
    private static final String WAITING_ROOM_URL = "https://zoom.us/j/" + DemoSeed.ACME_WAITING_ROOM_MEETING;

    @TempDir
    Path dir;

    private @Nullable WebSdkStack stack;

    private WebSdkStack stack(WebSdkStack.Options options) {
        stack = new WebSdkStack(options, dir);
        return stack;
    }

    @AfterEach
    void close() {
        if (stack != null) {
            stack.close();
            assertThat(stack.driver.liveBrowsers()).as("browsers left running").isZero();
        }
    }

    private static void startMeeting(WebSdkStack s, long number) {
        s.emulatorCall("POST", "/emulator/meetings/" + number + "/start", "{}");
    }

    private static void assertFatal(JsonNode last, String subCode) {
        assertThat(last.get("code").asText()).isEqualTo("fatal");
        assertThat(last.get("sub_code").asText()).isEqualTo(subCode);
    }

    @Test
    void noZak_inASignedInOnlyMeeting_endsMeetingRequiresSignIn() {
        WebSdkStack s = stack(WebSdkStack.Options.standard());
        startMeeting(s, DemoSeed.ACME_SIGNED_IN_MEETING);

        String bot = s.createBot(SIGNED_IN_URL, null);

        JsonNode last = s.awaitFinal(bot);
        assertFatal(last, "meeting_requires_sign_in");
        assertThat(last.get("message").asText()).startsWith("Sign In Required");
    }

    @Test
    void zakUrl_joinsTheSignedInOnlyMeeting_asTheSignedInAccount_thenLeavesOnRequest() {
        WebSdkStack s = stack(WebSdkStack.Options.standard());
        startMeeting(s, DemoSeed.ACME_SIGNED_IN_MEETING);

        String bot = s.createBot(SIGNED_IN_URL, s.zakUrl(DemoSeed.NOTETAKER_USER_ID));

        s.awaitStatus(bot, "in_call_not_recording");
        JsonNode participant = s.botParticipant(DemoSeed.ACME_SIGNED_IN_MEETING);
        assertThat(participant.get("signed_in_as").asText()).isEqualTo(DemoSeed.NOTETAKER_EMAIL);
        // The SDK's onUserJoin events reach the bot's meeting_participants.
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(s.bot(bot).get("meeting_participants"))
                        .anySatisfy(p -> {
                            assertThat(p.get("email").asText()).isEqualTo(DemoSeed.HOST_EMAIL);
                            assertThat(p.get("is_host").asBoolean()).isTrue();
                            assertThat(p.get("signed_in").asBoolean()).isTrue();
                        }));
        assertThat(s.mintedZaks)
                .isNotEmpty()
                .allSatisfy(zak -> assertThat(s.bot(bot).toString()).doesNotContain(zak));
        s.leaveCall(bot);
        JsonNode ended = s.awaitStatus(bot, "call_ended");
        assertThat(ended.get("sub_code").asText()).isEqualTo("bot_received_leave_call");
        assertThat(s.awaitFinal(bot).get("code").asText()).isEqualTo("done");
    }

    @Test
    void hostsZak_startsTheMeetingBeforeTheHostArrives() {
        WebSdkStack s = stack(WebSdkStack.Options.standard());
        assertThat(s.meeting(DemoSeed.ACME_MEETING).get("status").asText()).isEqualTo("waiting");

        String bot = s.createBot(MEETING_URL, s.zakUrl(DemoSeed.HOST_USER_ID));

        s.awaitStatus(bot, "in_call_not_recording");
        assertThat(s.meeting(DemoSeed.ACME_MEETING).get("status").asText()).isEqualTo("started");
        JsonNode participant = s.botParticipant(DemoSeed.ACME_MEETING);
        assertThat(participant.get("role").asText()).isEqualTo("host");
        assertThat(participant.get("signed_in_as").asText()).isEqualTo(DemoSeed.HOST_EMAIL);
    }

    @Test
    void obfTokenUrl_externalMeeting_waitsForTheUserThroughTheSdksOwn3636_joinsOnTheirBehalf_leavesWithThem() {
        WebSdkStack s = stack(WebSdkStack.Options.standard());
        String globex = "https://zoom.us/j/" + DemoSeed.GLOBEX_MEETING + "?pwd=" + DemoSeed.GLOBEX_MEETING_PASSCODE;

        String bot =
                s.createBotWithZoom(globex, WebSdkStack.JSON.createObjectNode().put("obf_token_url", s.obfUrl()));

        // The stand-in SDK answers as the real one: 3636 "Bot cannot join meeting: owner is not in the meeting".
        JsonNode waiting = s.awaitStatus(bot, "in_waiting_room");
        assertThat(waiting.get("sub_code").asText()).isEqualTo("waiting_for_authorized_user");
        String gary = WebSdkStack.json(
                        s.emulatorCall("POST", "/emulator/meetings/" + DemoSeed.GLOBEX_MEETING + "/start", "{}"))
                .get("participant_id")
                .asText();
        s.awaitStatus(bot, "in_call_not_recording");
        JsonNode participant = s.botParticipant(DemoSeed.GLOBEX_MEETING);
        assertThat(participant.get("on_behalf_of").asBoolean())
                .as(participant.toString())
                .isTrue();
        assertThat(s.mintedObfs)
                .hasSizeGreaterThanOrEqualTo(2)
                .doesNotHaveDuplicates()
                .allSatisfy(token -> assertThat(s.bot(bot).toString()).doesNotContain(token));

        s.emulatorCall("POST", "/emulator/participants/" + gary + "/leave", null);

        JsonNode ended = s.awaitStatus(bot, "call_ended");
        assertThat(ended.get("sub_code").asText()).isEqualTo("authorized_user_left");
        assertThat(s.awaitFinal(bot).get("code").asText()).isEqualTo("done");
    }

    @Test
    void wrongPasscode_endsMeetingPasswordIncorrect() {
        WebSdkStack s = stack(WebSdkStack.Options.standard());
        startMeeting(s, DemoSeed.ACME_MEETING);

        String bot = s.createBot("https://zoom.us/j/" + DemoSeed.ACME_MEETING + "?pwd=wrong", null);

        assertFatal(s.awaitFinal(bot), "meeting_password_incorrect");
    }

    @Test
    void lockedMeeting_endsMeetingLocked() {
        WebSdkStack s = stack(WebSdkStack.Options.standard());
        startMeeting(s, DemoSeed.ACME_MEETING);
        s.emulatorCall("POST", "/emulator/meetings/" + DemoSeed.ACME_MEETING + "/lock", "{\"locked\":true}");

        String bot = s.createBot(MEETING_URL, null);

        assertFatal(s.awaitFinal(bot), "meeting_locked");
    }

    @Test
    void waitingRoom_thenAdmitted_isInTheCall() {
        WebSdkStack s = stack(WebSdkStack.Options.standard());
        startMeeting(s, DemoSeed.ACME_WAITING_ROOM_MEETING);

        String bot = s.createBot(WAITING_ROOM_URL, null);
        s.awaitStatus(bot, "in_waiting_room");
        JsonNode waiting = s.botParticipant(DemoSeed.ACME_WAITING_ROOM_MEETING);
        s.emulatorCall(
                "POST",
                "/emulator/meetings/" + DemoSeed.ACME_WAITING_ROOM_MEETING + "/participants/"
                        + waiting.get("participant_id").asText() + "/admit",
                null);

        s.awaitStatus(bot, "in_call_not_recording");
        JsonNode changes = s.bot(bot).get("status_changes");
        assertThat(changes.findValuesAsText("code"))
                .containsSubsequence("joining_call", "in_waiting_room", "in_call_not_recording");
    }

    @Test
    void removedByTheHost_endsBotKickedFromCall() {
        WebSdkStack s = stack(WebSdkStack.Options.standard());
        startMeeting(s, DemoSeed.ACME_MEETING);
        String bot = s.createBot(MEETING_URL, null);
        s.awaitStatus(bot, "in_call_not_recording");

        s.emulatorCall(
                "POST",
                "/emulator/meetings/" + DemoSeed.ACME_MEETING + "/participants/"
                        + s.botParticipant(DemoSeed.ACME_MEETING)
                                .get("participant_id")
                                .asText() + "/remove",
                null);

        assertThat(s.awaitStatus(bot, "call_ended").get("sub_code").asText()).isEqualTo("bot_kicked_from_call");
        assertThat(s.awaitFinal(bot).get("code").asText()).isEqualTo("done");
    }

    @Test
    void meetingEndedByTheHost_endsCallEndedByHost() {
        WebSdkStack s = stack(WebSdkStack.Options.standard());
        startMeeting(s, DemoSeed.ACME_MEETING);
        String bot = s.createBot(MEETING_URL, null);
        s.awaitStatus(bot, "in_call_not_recording");

        s.emulatorCall("POST", "/emulator/meetings/" + DemoSeed.ACME_MEETING + "/end", null);

        assertThat(s.awaitStatus(bot, "call_ended").get("sub_code").asText()).isEqualTo("call_ended_by_host");
    }

    @Test
    void signatureMadeWithTheWrongSecret_endsZoomInvalidSignature() {
        WebSdkStack s = stack(WebSdkStack.Options.standard().sdkSecret("not-the-sdk-secret-0123456789abcd"));
        startMeeting(s, DemoSeed.ACME_MEETING);

        String bot = s.createBot(MEETING_URL, null);

        assertFatal(s.awaitFinal(bot), "zoom_invalid_signature");
    }

    @Test
    void sdkThatDoesNotLoad_endsZoomSdkLoadFailed() {
        WebSdkStack s = stack(WebSdkStack.Options.standard().sdkPath("/no-sdk-here/6.2.0/"));

        String bot = s.createBot(MEETING_URL, null);

        JsonNode last = s.awaitFinal(bot);
        assertFatal(last, "zoom_sdk_load_failed");
        assertThat(last.get("message").asText()).contains("zoom-meeting-6.2.0.min.js");
    }

    @Test
    void sdkThatNeverAnswersTheJoin_endsZoomJoinTimeout_fromTheDriversWatchdog() {
        WebSdkStack s = stack(WebSdkStack.Options.standard()
                .sdkPath("/sdk-fault/never-answers/6.2.0/")
                .joinWatchdog(Duration.ofSeconds(3)));
        startMeeting(s, DemoSeed.ACME_MEETING);

        String bot = s.createBot(MEETING_URL, null);

        JsonNode last = s.awaitFinal(bot);
        assertFatal(last, "zoom_join_timeout");
        assertThat(last.get("message").asText()).contains("3 s");
    }

    @Test
    void crossOriginIsolated_page_stillJoins() {
        WebSdkStack s = stack(WebSdkStack.Options.standard().isolated());
        startMeeting(s, DemoSeed.ACME_MEETING);

        String bot = s.createBot(MEETING_URL, null);

        s.awaitStatus(bot, "in_call_not_recording");
        assertThat(s.botParticipant(DemoSeed.ACME_MEETING).get("status").asText())
                .isEqualTo("in_meeting");
    }
}
