package dev.signet.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signet.emulator.seed.DemoSeed;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The three stories of {@code signet demo}, end to end; subclasses pick the database. */
@Timeout(120)
abstract class DemoScenariosContract {
    @TempDir
    Path dir;

    E2eStack stack;

    abstract E2eStack.Options options();

    @BeforeEach
    void start() {
        stack = new E2eStack(dir, options());
    }

    @AfterEach
    void stop() {
        stack.close();
    }

    @Test
    void noZakUrl_signedInOnlyMeeting_endsFatalMeetingRequiresSignIn() {
        Zoom.Meeting meeting = stack.zoom.create(true, false, null);
        stack.zoom.start(meeting.number());

        String bot = stack.api.createBot(meeting.joinUrl(), "Anonymous Notetaker", null);

        JsonNode fatal = stack.api.awaitFatal(bot, "meeting_requires_sign_in");
        assertThat(fatal.get("message").asText()).startsWith("Sign In Required");
        assertThat(Api.codes(stack.api.bot(bot))).containsExactly("ready", "joining_call", "fatal");
        assertThat(stack.zoom.participant(meeting.number(), "Anonymous Notetaker"))
                .isNull();
    }

    @Test
    void zakUrlToBroker_joinsSignedInAsTheNotetaker_underItsBotName() {
        Zoom.Meeting meeting = stack.zoom.create(true, false, null);
        stack.zoom.start(meeting.number());

        JsonNode created = stack.api.create(Api.body(meeting.joinUrl(), "Acme Notetaker", stack.zakUrl(null)));
        String bot = created.get("id").asText();
        assertThat(created.get("zoom").get("zak_url").asText())
                .doesNotContain(E2eStack.BROKER_SECRET)
                .contains("token=");

        JsonNode joined = stack.api.awaitStatus(bot, "in_call_not_recording");
        assertThat(Api.codes(joined)).containsExactly("ready", "joining_call", "in_call_not_recording");
        JsonNode seen = stack.zoom.participant(meeting.number(), "Acme Notetaker");
        assertThat(seen).as("the bot in the emulator's meeting").isNotNull();
        assertThat(seen.get("signed_in_as").asText()).isEqualTo(DemoSeed.NOTETAKER_EMAIL);
        assertThat(seen.get("avatar_url").isTextual()).as("avatar of %s", seen).isTrue();
        assertThat(seen.get("status").asText()).isEqualTo("in_meeting");
        org.awaitility.Awaitility.await()
                .atMost(Api.WAIT)
                .untilAsserted(() -> assertThat(
                                stack.api.bot(bot).get("meeting_participants").toString())
                        .as("the bot's view of the meeting")
                        .contains("Acme Notetaker")
                        .contains(DemoSeed.HOST_EMAIL));

        stack.api.leaveCall(bot);
        stack.api.awaitCallEnded(bot, "bot_received_leave_call");
        assertThat(stack.zoom.participant(meeting.number(), "Acme Notetaker")).isNull();
    }

    @Test
    void zakUrlForTheHost_startsTheMeetingBeforeTheHostArrives() {
        Zoom.Meeting meeting = stack.zoom.create(true, false, null);
        assertThat(stack.zoom.state(meeting.number()).get("status").asText()).isEqualTo("waiting");

        String bot = stack.api.createBot(meeting.joinUrl(), "Acme Host Assistant", stack.zakUrl(DemoSeed.HOST_EMAIL));

        stack.api.awaitStatus(bot, "in_call_not_recording");
        assertThat(stack.zoom.state(meeting.number()).get("status").asText()).isEqualTo("started");
        JsonNode seen = stack.zoom.participant(meeting.number(), "Acme Host Assistant");
        assertThat(seen).isNotNull();
        assertThat(seen.get("role").asText()).isEqualTo("host");
        assertThat(seen.get("signed_in_as").asText()).isEqualTo(DemoSeed.HOST_EMAIL);
        assertThat(Api.codes(stack.api.bot(bot))).doesNotContain("in_waiting_room", "fatal");
    }
}
