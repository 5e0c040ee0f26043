package dev.signet.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class ZakSingleFlightTest {
    private static final int CALLERS = 100;

    /**
     * The fake Zoom holds its first OAuth and mint answers until all 100 callers are inside the broker waiting (the
     * broker's own gauge says so), then releases them: exactly one OAuth call and one mint serve everyone.
     */
    @Test
    void hundredConcurrentRequests_shareOneOAuthCallAndOneMint() throws Exception {
        FakeZoom zoom = new FakeZoom();
        CountDownLatch oauth = zoom.holdOAuth();
        CountDownLatch mint = zoom.holdMints();
        try (Fixture fixture = Fixture.start(zoom, Map.of());
                ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<HttpResponse<String>>> responses = new ArrayList<>();
            for (int i = 0; i < CALLERS; i++) {
                responses.add(callers.submit(() -> fixture.get("/zoom/zak?token=" + Fixture.SECRET)));
            }

            await().atMost(Duration.ofSeconds(60))
                    .until(() -> fixture.metric("signet_broker_zak_waiting", "") == CALLERS);
            assertThat(zoom.oauthCalls()).isEqualTo(1);
            assertThat(zoom.mintCalls()).isZero();
            oauth.countDown();
            mint.countDown();

            List<String> bodies = new ArrayList<>();
            for (Future<HttpResponse<String>> response : responses) {
                assertThat(response.get().statusCode()).isEqualTo(200);
                bodies.add(response.get().body());
            }
            assertThat(bodies).hasSize(CALLERS).containsOnly(bodies.getFirst());
            assertThat(zoom.issuedTokens()).contains(bodies.getFirst());
            assertThat(zoom.oauthCalls()).isEqualTo(1);
            assertThat(zoom.mintCalls()).isEqualTo(1);
            assertThat(fixture.metric("signet_broker_zoom_calls_total", "endpoint=\"user_token\""))
                    .isEqualTo(1.0);
            assertThat(fixture.metric("signet_broker_zoom_calls_total", "endpoint=\"oauth_token\""))
                    .isEqualTo(1.0);
        }
    }
}
