package dev.signet.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * DESIGN.md's restart rule with the platform stopped and started again in this JVM on the same database: a bot in a
 * running meeting rejoins with a freshly fetched ZAK, a bot whose meeting ended meanwhile ends {@code fatal} /
 * {@code bot_errored} "platform restarted", a scheduled bot still runs, and no bot stays unfinished.
 */
@Timeout(120)
abstract class RestartContract {
    @TempDir
    Path dir;

    E2eStack stack;
    TokenServer tokens;

    abstract E2eStack.Options options();

    @BeforeEach
    void start() {
        stack = new E2eStack(dir, options());
        tokens = new TokenServer(stack.zakUrl(null));
    }

    @AfterEach
    void stop() {
        tokens.close();
        stack.close();
    }

    @Test
    void botInARunningMeeting_rejoinsAfterRestart_withAFreshlyFetchedZak() {
        Zoom.Meeting meeting = stack.zoom.create(true, false, null);
        stack.zoom.start(meeting.number());
        String bot = stack.api.createBot(meeting.joinUrl(), "Survivor", tokens.url("/proxy"));
        stack.api.awaitStatus(bot, "in_call_not_recording");
        assertThat(tokens.calls("/proxy")).isEqualTo(1);

        stack.stopPlatform();
        assertThat(stack.zoom.participant(meeting.number(), "Survivor"))
                .as("a stopping platform takes its bots out of their calls")
                .isNull();
        stack.startPlatform();

        JsonNode back = stack.api.awaitStatus(bot, "in_call_not_recording");
        assertThat(Collections.frequency(Api.codes(back), "in_call_not_recording"))
                .as("%s", back.get("status_changes"))
                .isEqualTo(2);
        assertThat(tokens.calls("/proxy"))
                .as("the ZAK is fetched again for the new join")
                .isEqualTo(2);
        JsonNode seen = stack.zoom.participant(meeting.number(), "Survivor");
        assertThat(seen).isNotNull();
        assertThat(seen.get("status").asText()).isEqualTo("in_meeting");
        stack.api.leaveCall(bot);
        stack.api.awaitCallEnded(bot, "bot_received_leave_call");
    }

    @Test
    void botWhoseMeetingEndedWhileStopped_endsBotErroredPlatformRestarted() {
        Zoom.Meeting meeting = stack.zoom.started();
        String bot = stack.api.createBot(meeting.joinUrl(), "Orphan", stack.zakUrl(null));
        stack.api.awaitStatus(bot, "in_call_not_recording");

        stack.stopPlatform();
        stack.zoom.end(meeting.number());
        stack.startPlatform();

        JsonNode fatal = stack.api.awaitFatal(bot, "bot_errored");
        assertThat(fatal.get("message").asText()).isEqualTo("platform restarted");
    }

    @Test
    void scheduledBot_stillJoinsAtItsTimeAfterRestart() {
        Zoom.Meeting meeting = stack.zoom.started();
        Instant joinAt = Clock.systemUTC().instant().plusSeconds(3).truncatedTo(ChronoUnit.SECONDS);
        ObjectNode body = Api.body(meeting.joinUrl(), "Punctual", null);
        body.put("join_at", joinAt.toString());
        String bot = stack.api.create(body).get("id").asText();
        assertThat(Api.codes(stack.api.bot(bot))).containsExactly("ready");

        stack.stopPlatform();
        stack.startPlatform();

        JsonNode joined = stack.api.awaitStatus(bot, "in_call_not_recording");
        Instant joining = Instant.parse(
                joined.get("status_changes").get(1).get("created_at").asText());
        assertThat(joined.get("status_changes").get(1).get("code").asText()).isEqualTo("joining_call");
        assertThat(joining).as("dispatched at join_at, not before").isAfterOrEqualTo(joinAt);
        stack.api.leaveCall(bot);
        stack.api.awaitFinal(bot);
    }

    @Test
    void afterRestart_noBotStaysUnfinished() {
        Zoom.Meeting running = stack.zoom.started();
        Zoom.Meeting waiting = stack.zoom.create(false, true, null);
        stack.zoom.start(waiting.number());
        String inCall = stack.api.createBot(running.joinUrl(), "In Call", null);
        String inWaitingRoom = stack.api.createBot(waiting.joinUrl(), "In Waiting Room", null);
        stack.api.awaitStatus(inCall, "in_call_not_recording");
        stack.api.awaitStatus(inWaitingRoom, "in_waiting_room");

        stack.stopPlatform();
        stack.zoom.end(running.number());
        stack.zoom.end(waiting.number());
        stack.startPlatform();

        for (String bot : new String[] {inCall, inWaitingRoom}) {
            JsonNode done = stack.api.awaitFinal(bot);
            assertThat(Api.last(done).get("code").asText()).isIn(Api.FINAL);
        }
        Http.Reply unfinished = stack.api.call("GET", "/api/v1/bot/?status=in_call_not_recording", null);
        assertThat(unfinished.status()).isEqualTo(200);
        assertThat(unfinished.json().get("results").size()).isZero();
    }
}
