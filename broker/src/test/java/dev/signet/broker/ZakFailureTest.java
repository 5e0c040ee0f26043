package dev.signet.broker;

import static dev.signet.broker.Fixture.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class ZakFailureTest {
    private static final String ZAK = "/zoom/zak?token=" + Fixture.SECRET;

    @Test
    void rateLimited_withHeldZakThatHasEnoughLife_handsOutTheHeldZakAndStopsCallingZoom() {
        try (Fixture fixture = Fixture.ready(Map.of())) {
            String held = fixture.zak();
            fixture.clock.advance(Duration.ofSeconds(301));
            fixture.zoom.script(ALICE, FakeZoom.Answer.rateLimited("30"));
            int before = fixture.zoom.mintCalls();

            assertThat(fixture.zak()).isEqualTo(held);
            assertThat(fixture.zak()).isEqualTo(held);
            assertThat(fixture.zoom.mintCalls()).isEqualTo(before + 1);
        }
    }

    @Test
    void rateLimited_withHeldZakNearItsEnd_is503WithRetryAfterSeconds() {
        try (Fixture fixture = Fixture.ready(Map.of())) {
            fixture.zak();
            fixture.clock.advance(Duration.ofSeconds(7200 - 1799));
            fixture.zoom.script(ALICE, FakeZoom.Answer.rateLimited("30"));

            HttpResponse<String> response = fixture.get(ZAK);

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).hasValue("30");
            assertThat(response.body()).contains("rate limit");
        }
    }

    @Test
    void rateLimited_withIsoRetryAfterAndNothingHeld_is503UntilThatInstant() {
        try (Fixture fixture = Fixture.ready(Map.of("SIGNET_BROKER_ZAK_REUSE", "0"))) {
            fixture.zoom.script(
                    ALICE,
                    FakeZoom.Answer.rateLimited(
                            fixture.clock.instant().plusSeconds(120).toString()));

            HttpResponse<String> response = fixture.get(ZAK);

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).hasValue("120");
            int calls = fixture.zoom.mintCalls();
            fixture.clock.advance(Duration.ofSeconds(60));
            assertThat(fixture.get(ZAK).headers().firstValue("Retry-After")).hasValue("60");
            assertThat(fixture.zoom.mintCalls()).isEqualTo(calls);
            fixture.clock.advance(Duration.ofSeconds(61));
            assertThat(fixture.get(ZAK).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void rateLimited_withoutRetryAfter_backsOffOnItsOwn() {
        try (Fixture fixture = Fixture.ready(Map.of("SIGNET_BROKER_ZAK_REUSE", "0"))) {
            fixture.zoom.script(ALICE, FakeZoom.Answer.rateLimited(null), FakeZoom.Answer.rateLimited(null));

            HttpResponse<String> first = fixture.get(ZAK);
            fixture.clock.advance(Duration.ofSeconds(1));
            HttpResponse<String> second = fixture.get(ZAK);

            assertThat(first.statusCode()).isEqualTo(503);
            assertThat(first.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(second.statusCode()).isEqualTo(503);
            assertThat(second.headers().firstValue("Retry-After")).hasValue("2");
        }
    }

    @Test
    void serverError_is502WithShortReasonAndNoToken() {
        try (Fixture fixture = Fixture.ready(Map.of("SIGNET_BROKER_ZAK_REUSE", "0"))) {
            fixture.zoom.script(ALICE, FakeZoom.Answer.serverError());

            HttpResponse<String> response = fixture.get(ZAK);

            assertThat(response.statusCode()).isEqualTo(502);
            assertThat(response.body()).isEqualTo("zoom answered HTTP 500 code 500");
            assertThat(fixture.get(ZAK).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void serverErrorAfterReuseWindow_servesTheHeldZakWhileItHasLife() {
        try (Fixture fixture = Fixture.ready(Map.of())) {
            String held = fixture.zak();
            fixture.clock.advance(Duration.ofSeconds(301));
            fixture.zoom.script(ALICE, FakeZoom.Answer.serverError());

            assertThat(fixture.zak()).isEqualTo(held);
            // Zoom is failing: the next caller gets the held ZAK at once, without calling Zoom again.
            assertThat(fixture.zak()).isEqualTo(held);
            assertThat(fixture.zoom.mintCalls()).isEqualTo(2);
            // After the retry pause a caller still gets the held ZAK, and a background mint replaces it.
            fixture.clock.advance(Duration.ofSeconds(11));
            await().atMost(Duration.ofSeconds(10)).until(() -> !fixture.zak().equals(held));
        }
    }

    @Test
    void zoomTooSlowAfterReuseWindow_servesTheHeldZakWhileItHasLife() {
        try (Fixture fixture = Fixture.ready(Map.of("SIGNET_BROKER_ZOOM_TIMEOUT_MS", "300"))) {
            String held = fixture.zak();
            fixture.clock.advance(Duration.ofSeconds(301));
            var hold = fixture.zoom.holdMints();

            assertThat(fixture.zak()).isEqualTo(held);
            fixture.zoom.stopHolding();
            hold.countDown();
        }
    }

    @Test
    void oauthRateLimited_withHeldZak_servesItAndStopsCallingZoom() {
        try (Fixture fixture = Fixture.ready(Map.of())) {
            String held = fixture.zak();
            fixture.clock.advance(Duration.ofSeconds(3601)); // the access token expired; the ZAK has 3599 s left
            fixture.zoom.failEveryOAuth(FakeZoom.Answer.rateLimited("30"));
            int before = fixture.zoom.oauthCalls();

            assertThat(fixture.zak()).isEqualTo(held);
            assertThat(fixture.zak()).isEqualTo(held);
            assertThat(fixture.zoom.oauthCalls()).isEqualTo(before + 1);
        }
    }

    @Test
    void oauthRateLimited_withNothingHeld_is503WithRetryAfter() {
        try (Fixture fixture = Fixture.ready(Map.of("SIGNET_BROKER_ZAK_REUSE", "0"))) {
            fixture.clock.advance(Duration.ofSeconds(3601));
            fixture.zoom.failEveryOAuth(FakeZoom.Answer.rateLimited("30"));

            HttpResponse<String> response = fixture.get(ZAK);

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).hasValue("30");
            assertThat(fixture.zoom.mintCalls(ALICE)).isEqualTo(1);
        }
    }

    @Test
    void zoomTooSlow_withNothingValidHeld_is502AndTheNextRequestTriesAgain() {
        try (Fixture fixture = Fixture.ready(Map.of("SIGNET_BROKER_ZOOM_TIMEOUT_MS", "300"))) {
            fixture.clock.advance(Duration.ofSeconds(7200 - 1799));
            var hold = fixture.zoom.holdMints();

            HttpResponse<String> response = fixture.get(ZAK);

            assertThat(response.statusCode()).isEqualTo(502);
            assertThat(response.body()).isEqualTo("zoom did not answer in time");
            fixture.zoom.stopHolding();
            hold.countDown();
            // The next request mints again (retried while a loaded machine keeps Zoom slower than 300 ms).
            await().atMost(Duration.ofSeconds(20)).until(() -> fixture.get(ZAK).statusCode() == 200);
        }
    }

    @Test
    void answerThatIsNotAZak_isNeverA200() {
        try (Fixture fixture = Fixture.ready(Map.of("SIGNET_BROKER_ZAK_REUSE", "0"))) {
            fixture.zoom.script(
                    ALICE,
                    FakeZoom.Answer.json(200, "{\"token\":\"<html> oops </html>\"}"),
                    FakeZoom.Answer.json(200, "{\"nothing\":true}"),
                    FakeZoom.Answer.json(200, "not json"));

            for (int i = 0; i < 3; i++) {
                HttpResponse<String> response = fixture.get(ZAK);
                assertThat(response.statusCode()).isEqualTo(502);
                assertThat(response.body()).doesNotContain("oops");
            }
        }
    }

    @Test
    void revokedAccessToken_isRenewedOnceAndTheRequestSucceeds() {
        try (Fixture fixture = Fixture.ready(Map.of("SIGNET_BROKER_ZAK_REUSE", "0"))) {
            int oauthBefore = fixture.zoom.oauthCalls();
            fixture.zoom.rejectNextAccessToken();

            assertThat(fixture.zak()).startsWith("zak.");
            assertThat(fixture.zoom.oauthCalls()).isEqualTo(oauthBefore + 1);
        }
    }

    @Test
    void oauthRefused_isNotReady502WithoutSettingUsersAside_thenRecoversInTheBackground() {
        FakeZoom zoom = new FakeZoom();
        FakeZoom.Answer invalidClient = FakeZoom.Answer.json(
                400, "{\"reason\":\"Invalid client_id or client_secret\",\"error\":\"invalid_client\"}");
        zoom.failEveryOAuth(invalidClient);
        try (Fixture fixture = Fixture.start(zoom, Map.of())) {
            await().atMost(Duration.ofSeconds(10)).until(() -> zoom.oauthCalls() >= 1);
            HttpResponse<String> ready = fixture.get("/readyz");
            HttpResponse<String> response = fixture.get(ZAK);

            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(response.statusCode()).isEqualTo(502);
            assertThat(response.body()).startsWith("zoom oauth failed: zoom answered HTTP 400");
            assertThat(zoom.mintCalls()).isZero();

            zoom.failEveryOAuth(null);
            fixture.awaitReady();
            assertThat(fixture.owner(fixture.zak())).isEqualTo(ALICE);
        }
    }
}
