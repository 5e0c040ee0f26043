package dev.signet.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class BrokerMetricsTest {
    @Test
    void metrics_countRequestsByOutcomeZoomCallsByEndpointAndStatusAndReuseHits() {
        try (Fixture fixture = Fixture.ready(Map.of())) {
            fixture.zak();
            fixture.zak();
            fixture.get("/zoom/zak?token=wrong-secret-0123456789");
            fixture.zoom.script(Fixture.BOB, FakeZoom.Answer.serverError());
            fixture.get("/zoom/zak?token=" + Fixture.SECRET + "&user=" + Fixture.BOB);

            String text = fixture.get("/metrics").body();

            assertThat(fixture.metric("signet_broker_requests_seconds_count", "outcome=\"reused\""))
                    .isEqualTo(2.0);
            assertThat(fixture.metric("signet_broker_requests_seconds_count", "outcome=\"unauthorized\""))
                    .isEqualTo(1.0);
            assertThat(fixture.metric("signet_broker_requests_seconds_count", "outcome=\"zoom_error\""))
                    .isEqualTo(1.0);
            assertThat(fixture.metric("signet_broker_zoom_calls_total", "status=\"500\""))
                    .isEqualTo(1.0);
            assertThat(fixture.metric("signet_broker_zoom_calls_total", "endpoint=\"oauth_token\",status=\"200\""))
                    .isEqualTo(1.0);
            assertThat(fixture.metric("signet_broker_zak_reuse_hits_total", "")).isEqualTo(2.0);
            assertThat(text).contains("signet_broker_requests_seconds_bucket{");
            assertThat(fixture.get("/metrics").headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        }
    }
}
