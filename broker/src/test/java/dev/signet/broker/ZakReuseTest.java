package dev.signet.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class ZakReuseTest {
    @Test
    void withinReuseWindow_theWarmedZakIsHandedOutAgainWithoutCallingZoom() {
        try (Fixture fixture = Fixture.ready(Map.of())) {
            String first = fixture.zak();
            fixture.clock.advance(Duration.ofSeconds(200));

            assertThat(fixture.zak()).isEqualTo(first);
            assertThat(fixture.zak()).isEqualTo(first);
            assertThat(fixture.zoom.mintCalls()).isEqualTo(1);
            assertThat(fixture.metric("signet_broker_zak_reuse_hits_total", "")).isEqualTo(3.0);
        }
    }

    @Test
    void afterReuseWindow_aNewZakIsMinted() {
        try (Fixture fixture = Fixture.ready(Map.of())) {
            String first = fixture.zak();
            fixture.clock.advance(Duration.ofMinutes(5));

            String second = fixture.zak();

            assertThat(second).isNotEqualTo(first);
            assertThat(fixture.zoom.mintCalls()).isEqualTo(2);
            assertThat(fixture.zak()).isEqualTo(second);
        }
    }

    @Test
    void nearEndOfWindow_refreshesInBackgroundSoTheNextWindowStartsWithoutWaiting() {
        try (Fixture fixture = Fixture.ready(Map.of())) {
            String first = fixture.zak();
            fixture.clock.advance(Duration.ofSeconds(275));

            assertThat(fixture.zak()).isEqualTo(first);
            await().atMost(Duration.ofSeconds(10)).until(() -> fixture.zoom.mintCalls() == 2);
            String refreshed = fixture.zoom.issuedTokens().getLast();
            fixture.clock.advance(Duration.ofSeconds(26));

            assertThat(fixture.zak()).isEqualTo(refreshed).isNotEqualTo(first);
            assertThat(fixture.zoom.mintCalls()).isEqualTo(2);
        }
    }

    @Test
    void minRemaining_neverHandsOutAZakWithLessLifeLeft() {
        try (Fixture fixture = Fixture.ready(Map.of(
                "SIGNET_BROKER_ZAK_TTL",
                "2400",
                "SIGNET_BROKER_ZAK_REUSE",
                "600",
                "SIGNET_BROKER_ZAK_MIN_REMAINING",
                "1800"))) {
            String first = fixture.zak();
            fixture.clock.advance(Duration.ofSeconds(550));
            assertThat(fixture.zak()).isEqualTo(first);
            fixture.clock.advance(Duration.ofSeconds(51));

            assertThat(fixture.zak()).isNotEqualTo(first);
        }
    }

    @Test
    void reuseZero_mintsAFreshZakForEveryRequestWithNoSharing() throws Exception {
        try (Fixture fixture = Fixture.ready(Map.of("SIGNET_BROKER_ZAK_REUSE", "0"));
                ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            int before = fixture.zoom.mintCalls();
            List<Future<String>> zaks = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                zaks.add(callers.submit(() -> fixture.zak()));
            }
            HashSet<String> distinct = new HashSet<>();
            for (Future<String> zak : zaks) {
                distinct.add(zak.get());
            }

            assertThat(distinct).hasSize(10);
            assertThat(fixture.zoom.mintCalls()).isEqualTo(before + 10);
            assertThat(fixture.metric("signet_broker_zak_reuse_hits_total", "")).isZero();
        }
    }
}
