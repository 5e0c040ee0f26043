package dev.signet.emulator.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signet.emulator.Fixture;
import dev.signet.emulator.seed.DemoSeed;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The stand-in SDK's {@code ZoomMtg.join}, run for real under Node against the emulator (loopback only): what its
 * error callback reports and what it sends to the join endpoint. Skipped where no {@code node} is installed; the
 * app module's Chromium tests cover the browser itself.
 */
@Timeout(60)
class StandInSdkTest {
    private final Fixture f = Fixture.demo();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void join_obfUserNotInMeeting_reports3636WithTheRealSdksReason() throws Exception {
        String obf = f.obf(DemoSeed.HOST_USER_ID, DemoSeed.ACME_MEETING);

        JsonNode result = join(options(DemoSeed.ACME_MEETING).put("obfToken", obf));

        JsonNode error = result.path("error");
        assertThat(error.path("errorCode").asInt()).as(result.toString()).isEqualTo(3636);
        assertThat(error.path("errorMessage").asText())
                .isEqualTo("Bot cannot join meeting: owner is not in the meeting");
        assertThat(error.path("result").asText()).isEqualTo("Bot cannot join meeting: owner is not in the meeting");
    }

    @Test
    void join_otherRefusal_reportsTheEmulatorsCodeAndReason() throws Exception {
        JsonNode result = join(options(DemoSeed.ACME_MEETING).put("passWord", "wrong"));

        assertThat(result.path("error").path("errorCode").asInt())
                .as(result.toString())
                .isEqualTo(3004);
        assertThat(result.path("error").path("errorMessage").asText()).isEqualTo("Meeting Passcode wrong.");
    }

    @Test
    void join_obfForAnotherMeeting_staysWithItsOwnCode() throws Exception {
        String obf = f.obf(DemoSeed.HOST_USER_ID, DemoSeed.ACME_WAITING_ROOM_MEETING);

        JsonNode result = join(options(DemoSeed.ACME_MEETING).put("obfToken", obf));

        assertThat(result.path("error").path("errorCode").asInt())
                .as(result.toString())
                .isEqualTo(4015);
    }

    @Test
    void join_passesRecordingTokenAndUserEmailToTheJoinEndpoint() throws Exception {
        f.startAsHost(DemoSeed.ACME_MEETING);
        HttpResponse<String> minted = f.http.get(
                "/v2/meetings/" + DemoSeed.ACME_MEETING + "/jointoken/local_recording",
                "Authorization",
                "Bearer " + f.acmeToken());
        String recordingToken = Fixture.json(minted).get("token").asText();

        JsonNode result = join(options(DemoSeed.ACME_MEETING)
                .put("recordingToken", recordingToken)
                .put("userEmail", "notes@example.com"));

        assertThat(result.path("events_url").asText()).as(result.toString()).contains("/emulator/participants/p_");
        JsonNode participants = Fixture.json(f.http.get("/emulator/meetings/" + DemoSeed.ACME_MEETING))
                .get("participants");
        JsonNode bot = participants.get(participants.size() - 1);
        assertThat(bot.get("display_name").asText()).isEqualTo("Notetaker");
        assertThat(bot.get("user_email").asText()).isEqualTo("notes@example.com");
        assertThat(bot.get("local_recording").asText()).isEqualTo("allowed");
    }

    com.fasterxml.jackson.databind.node.ObjectNode options(long meeting) {
        return Fixture.JSON
                .createObjectNode()
                .put("meetingNumber", Long.toString(meeting))
                .put("userName", "Notetaker")
                .put("passWord", DemoSeed.ACME_MEETING_PASSCODE)
                .put("signature", f.acmeSignature(meeting, 0));
    }

    /** Runs the harness under Node; answers the one JSON line it prints. */
    JsonNode join(JsonNode options) throws IOException, InterruptedException, URISyntaxException {
        Optional<Path> node = node();
        assumeTrue(node.isPresent(), "node is not installed");
        Path harness = harness();
        ProcessBuilder builder = new ProcessBuilder(
                        node.get().toString(),
                        harness.toString(),
                        f.emulator.baseUrl() + "/sdk/6.2.0/zoom-meeting-6.2.0.min.js",
                        options.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        try (InputStream out = process.getInputStream()) {
            String text = new String(out.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            return Fixture.JSON.readTree(text);
        } finally {
            process.destroyForcibly();
        }
    }

    private static Path harness() throws URISyntaxException {
        return Path.of(Objects.requireNonNull(StandInSdkTest.class.getResource("join-with-stand-in.js"))
                .toURI());
    }

    private static Optional<Path> node() {
        return Arrays.stream(String.valueOf(System.getenv("PATH")).split(File.pathSeparator))
                .map(dir -> Path.of(dir, "node"))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
