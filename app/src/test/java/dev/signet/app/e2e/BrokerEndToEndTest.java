package dev.signet.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signet.emulator.seed.DemoSeed;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The token broker against the emulator (issue 2's end-to-end tests): ZAKs minted for the configured users and for
 * the host on {@code ?user=}, accepted by Zoom for joins, failover when Zoom reports a user missing (1001), and Zoom's
 * rate limit answered with the held ZAK or 503.
 */
@Timeout(120)
class BrokerEndToEndTest {
    private static final String RATE_LIMITED =
            "{\"code\":429,\"message\":\"You have reached the maximum per-second rate limit for this API. Try again later.\"}";
    private static final Pattern ZOOM_429 = Pattern.compile("signet_broker_zoom_calls_total\\{[^}]*status=\"429\"");
    private static final String TOKEN_ENDPOINT = "GET /v2/users/{userId}/token";

    @TempDir
    Path dir;

    private static Http.Reply zak(E2eStack stack, String url) {
        return stack.http.get(URI.create(url), Map.of());
    }

    private static String signedInAs(E2eStack stack, Zoom.Meeting meeting, String botName, String zakUrl) {
        String bot = stack.api.createBot(meeting.joinUrl(), botName, zakUrl);
        stack.api.awaitStatus(bot, "in_call_not_recording");
        JsonNode seen = stack.zoom.participant(meeting.number(), botName);
        assertThat(seen).isNotNull();
        stack.api.leaveCall(bot);
        stack.api.awaitFinal(bot);
        return seen.get("signed_in_as").asText();
    }

    @Test
    void zaks_areMintedForThePoolAndForTheHost_andZoomAcceptsThemForJoins() {
        try (E2eStack stack = new E2eStack(dir, E2eStack.Options.standard())) {
            Http.Reply reply = zak(stack, stack.zakUrl(null));
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.raw().headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
            assertThat(reply.raw().headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(reply.text()).matches("[!-~]{20,512}");
            assertThat(zak(stack, stack.zakUrl(DemoSeed.GLOBEX_EMAIL)).status())
                    .as("a user the broker does not serve")
                    .isEqualTo(404);
            assertThat(zak(stack, stack.zakUrl(null).replace(E2eStack.BROKER_SECRET, "wrong-secret-0123456789"))
                            .status())
                    .isEqualTo(401);

            Zoom.Meeting meeting = stack.zoom.create(true, false, null);
            stack.zoom.start(meeting.number());
            assertThat(signedInAs(stack, meeting, "Pool Bot", stack.zakUrl(null)))
                    .isEqualTo(DemoSeed.NOTETAKER_EMAIL);
            assertThat(signedInAs(stack, meeting, "Host Bot", stack.zakUrl(DemoSeed.HOST_EMAIL)))
                    .isEqualTo(DemoSeed.HOST_EMAIL);
            // No secret in the query: the platform's Standard Webhooks signature alone authenticates the callback.
            String signedOnly = stack.broker.uri().toString().replaceAll("/$", "") + "/zoom/zak";
            assertThat(zak(stack, signedOnly).status()).isEqualTo(401);
            assertThat(signedInAs(stack, meeting, "Signed Callback Bot", signedOnly))
                    .isEqualTo(DemoSeed.NOTETAKER_EMAIL);
        }
    }

    @Test
    void userDeletedInZoom_1001_brokerFailsOverToTheNextUser() {
        E2eStack.Options options = E2eStack.Options.standard().broker("SIGNET_BROKER_ZAK_REUSE", "0");
        try (E2eStack stack = new E2eStack(dir, options)) {
            Zoom.Meeting meeting = stack.zoom.create(true, false, null);
            stack.zoom.start(meeting.number());
            assertThat(signedInAs(stack, meeting, "Before", stack.zakUrl(null))).isEqualTo(DemoSeed.NOTETAKER_EMAIL);

            stack.zoom.deleteUser(DemoSeed.NOTETAKER_USER_ID);

            assertThat(zak(stack, stack.zakUrl(null)).status()).isEqualTo(200);
            assertThat(signedInAs(stack, meeting, "After", stack.zakUrl(null))).isEqualTo(DemoSeed.HOST_EMAIL);
        }
    }

    @Test
    void zoomRateLimit_handsOutTheHeldZak_andWithoutOneAnswers503WithRetryAfter() {
        // A one-second reuse window: the broker soon has to ask Zoom again, and Zoom then answers 429.
        E2eStack.Options options = E2eStack.Options.standard().broker("SIGNET_BROKER_ZAK_REUSE", "1");
        try (E2eStack stack = new E2eStack(dir, options)) {
            assertThat(zak(stack, stack.zakUrl(null)).status()).isEqualTo(200);

            stack.zoom.fault(TOKEN_ENDPOINT, 1000, 429, RATE_LIMITED);

            await().atMost(Api.WAIT).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
                Http.Reply reply = zak(stack, stack.zakUrl(null));
                assertThat(reply.status())
                        .as("a held ZAK with life left: " + reply.text())
                        .isEqualTo(200);
                assertThat(metrics(stack)).as("Zoom answered 429").containsPattern(ZOOM_429);
            });
            Http.Reply held = zak(stack, stack.zakUrl(null));
            assertThat(held.status()).as(held.text()).isEqualTo(200);
            assertThat(zak(stack, stack.zakUrl(null)).text()).isEqualTo(held.text());
            Http.Reply none = zak(stack, stack.zakUrl(DemoSeed.HOST_EMAIL));
            assertThat(none.status()).as(none.text()).isEqualTo(503);
            assertThat(none.raw().headers().firstValue("Retry-After"))
                    .hasValueSatisfying(v -> assertThat(v).matches("[0-9]+"));
            assertThat(none.text()).doesNotContain(held.text());

            stack.zoom.clearFaults();
            await().atMost(Api.WAIT)
                    .untilAsserted(() -> assertThat(zak(stack, stack.zakUrl(DemoSeed.HOST_EMAIL))
                                    .status())
                            .isEqualTo(200));
        }
    }

    private static String metrics(E2eStack stack) {
        return stack.http.get(stack.broker.uri().resolve("/metrics"), Map.of()).text();
    }
}
