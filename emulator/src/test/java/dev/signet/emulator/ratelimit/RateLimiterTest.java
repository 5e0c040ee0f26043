package dev.signet.emulator.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.emulator.directory.Plan;
import dev.signet.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private final MutableClock clock = MutableClock.at(Instant.parse("2026-03-02T23:00:00Z"));
    private final RateLimiter limiter = new RateLimiter(clock);

    /** Spends {@code calls} calls, one second apart, so only daily caps can refuse them. */
    private void spend(Plan plan, Category category, int calls) {
        for (int i = 0; i < calls; i++) {
            clock.advance(Duration.ofSeconds(1));
            assertThat(limiter.acquire("a", plan, category)).isInstanceOf(Decision.Allowed.class);
        }
    }

    @Test
    void free_mediumDailyCap_isRefusedUntilUtcMidnight() {
        clock.set(Instant.parse("2026-03-02T00:00:00Z"));
        spend(Plan.FREE, Category.MEDIUM, 2_000);

        Decision d = limiter.acquire("a", Plan.FREE, Category.MEDIUM);

        assertThat(d).isInstanceOfSatisfying(Decision.Limited.class, l -> {
            assertThat(l.type()).isEqualTo("Daily-limit");
            assertThat(l.limit()).isEqualTo(2_000);
            assertThat(l.retryAfter()).isEqualTo("2026-03-03T00:00:00Z");
            assertThat(l.message()).contains("daily rate limit of (2000)");
        });
        clock.set(Instant.parse("2026-03-03T00:00:01Z"));
        assertThat(limiter.acquire("a", Plan.FREE, Category.MEDIUM)).isInstanceOf(Decision.Allowed.class);
    }

    @Test
    void pro_heavyAndResourceIntensiveShareOneDailyPool() {
        clock.set(Instant.parse("2026-03-02T00:00:00Z"));
        spend(Plan.PRO, Category.HEAVY, 15_000);
        spend(Plan.PRO, Category.RESOURCE_INTENSIVE, 15_000);

        assertThat(limiter.acquire("a", Plan.PRO, Category.HEAVY)).isInstanceOf(Decision.Limited.class);
        assertThat(limiter.acquire("a", Plan.PRO, Category.LIGHT)).isInstanceOf(Decision.Allowed.class);
    }

    @Test
    void refusedCalls_areNotCounted() {
        for (int i = 0; i < 4; i++) {
            limiter.acquire("a", Plan.FREE, Category.LIGHT);
        }
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.acquire("a", Plan.FREE, Category.LIGHT)).isInstanceOf(Decision.Limited.class);
        }
        clock.advance(Duration.ofSeconds(1));
        assertThat(limiter.acquire("a", Plan.FREE, Category.LIGHT)).isInstanceOf(Decision.Allowed.class);
    }
}
