package dev.signet.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code zak_url} that fails ends the bot {@code fatal} / {@code zoom_zak_fetch_failed} with the reason, and the
 * bot never slips into the meeting anonymously. Addresses off loopback are refused before any connection is made.
 */
@Timeout(120)
class ZakUrlFailuresEndToEndTest {
    private static final String REASON_PREFIX = "Could not fetch a ZAK from zak_url";

    @TempDir
    static Path dir;

    static E2eStack stack;
    static TokenServer tokens;
    static Zoom.Meeting signedIn;
    static Zoom.Meeting open;

    @BeforeAll
    static void start() {
        stack = new E2eStack(dir, E2eStack.Options.standard());
        tokens = new TokenServer(stack.zakUrl(null));
        signedIn = stack.zoom.create(true, false, null);
        stack.zoom.start(signedIn.number());
        open = stack.zoom.started();
    }

    @AfterAll
    static void stop() {
        tokens.close();
        stack.close();
    }

    private static String fetchFailed(String bot) {
        String message = stack.api
                .awaitFatal(bot, "zoom_zak_fetch_failed")
                .get("message")
                .asText();
        assertThat(message).startsWith(REASON_PREFIX).doesNotContain(E2eStack.BROKER_SECRET);
        assertThat(Api.codes(stack.api.bot(bot))).containsExactly("ready", "joining_call", "fatal");
        return message;
    }

    @Test
    void status401_failsAtOnce_withTheStatus_andNeverJoinsAnonymously() {
        String bot = stack.api.createBot(open.joinUrl(), "Refused 401", tokens.url("/status/401"));

        assertThat(fetchFailed(bot)).contains("answered 401");
        assertThat(tokens.calls("/status/401")).isEqualTo(1);
        assertThat(stack.zoom.participant(open.number(), "Refused 401"))
                .as("no silent anonymous join")
                .isNull();
    }

    @Test
    void status500_isRetried_thenFails() {
        String bot = stack.api.createBot(signedIn.joinUrl(), "Server Error", tokens.url("/status/500"));

        assertThat(fetchFailed(bot)).contains("answered 500").contains("after 3 attempts");
        assertThat(tokens.calls("/status/500")).isEqualTo(3);
    }

    @Test
    void noAnswer_andSlowBody_failWithATimeout() {
        // Both wait out the fetcher's timeouts, so they run side by side.
        String hang = stack.api.createBot(signedIn.joinUrl(), "No Answer", tokens.url("/hang"));
        String slow = stack.api.createBot(signedIn.joinUrl(), "Slow Body", tokens.url("/slow-body"));

        assertThat(fetchFailed(hang)).contains("timed out");
        assertThat(fetchFailed(slow)).contains("timed out");
        assertThat(tokens.calls("/hang")).isGreaterThanOrEqualTo(1);
        assertThat(tokens.calls("/slow-body")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void oversizedBody_fails() {
        String bot = stack.api.createBot(signedIn.joinUrl(), "Oversized", tokens.url("/big"));

        assertThat(fetchFailed(bot)).contains("over 4096 bytes");
    }

    @Test
    void htmlPage_fails_asNotAToken() {
        String bot = stack.api.createBot(signedIn.joinUrl(), "Html Page", tokens.url("/html"));

        assertThat(fetchFailed(bot)).contains("answered 200 but");
    }

    @Test
    void htmlTypedBodyHoldingOnlyAToken_isAccepted() {
        String bot = stack.api.createBot(signedIn.joinUrl(), "Recall Sample Server", tokens.url("/html-token"));

        stack.api.awaitStatus(bot, "in_call_not_recording");
        JsonNode seen = stack.zoom.participant(signedIn.number(), "Recall Sample Server");
        assertThat(seen).isNotNull();
        assertThat(seen.get("signed_in_as").asText()).isNotBlank();
        stack.api.leaveCall(bot);
        stack.api.awaitFinal(bot);
    }

    @Test
    void redirect_isNotFollowed() {
        int before = tokens.tokens().size();
        String bot = stack.api.createBot(signedIn.joinUrl(), "Redirected", tokens.url("/redirect"));

        assertThat(fetchFailed(bot)).contains("redirects are not followed");
        assertThat(tokens.calls("/redirect")).isEqualTo(1);
        assertThat(tokens.tokens()).hasSize(before);
    }

    @Test
    void privateAddress_isRefusedBeforeConnecting() {
        // 10.0.0.1 is a literal, so no resolver is asked; the platform's socket refuses it before connect(),
        // so no packet leaves this machine. A real connect attempt would fail with a timeout instead.
        String bot = stack.api.createBot(signedIn.joinUrl(), "Private Address", "https://10.0.0.1/zak?token=x");

        String message = fetchFailed(bot);
        assertThat(message).contains("private address").doesNotContain("timed out");
        assertThat(message).doesNotContain("attempts");
    }

    @Test
    void linkLocalMetadataAddress_isRefusedBeforeConnecting() {
        String bot = stack.api.createBot(signedIn.joinUrl(), "Metadata", "https://169.254.169.254/latest/meta-data");

        assertThat(fetchFailed(bot)).contains("link-local address").doesNotContain("timed out");
    }

    @Test
    void plainHttpOffLoopback_isRefusedAtCreation_naming_theField() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("meeting_url", signedIn.joinUrl());
        body.put("zoom", Map.of("zak_url", "http://10.0.0.1/zak?token=s3cr3t-in-query"));

        Http.Reply reply = stack.api.call("POST", "/api/v1/bot/", body);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.text()).contains("zak_url").doesNotContain("s3cr3t-in-query");
    }
}
