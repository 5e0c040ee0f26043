package dev.signet.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.signet.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ReplayGuardTest {
    private static final Duration WINDOW = Duration.ofMinutes(5);

    private final MutableClock clock = MutableClock.fixed();
    private final InMemoryReplayGuard guard = ReplayGuard.inMemory(WINDOW, 3, clock);

    @Test
    void firstSeen_sameIdWithinWindow_falseUntilItExpires() {
        Instant at = clock.instant();

        assertThat(guard.firstSeen("msg_1", at)).isTrue();
        assertThat(guard.firstSeen("msg_1", at)).isFalse();

        clock.advance(WINDOW);
        assertThat(guard.firstSeen("msg_1", at))
                .as("still remembered at the window's last instant")
                .isFalse();

        clock.advance(Duration.ofNanos(1));
        assertThat(guard.firstSeen("msg_1", at))
                .as("forgotten once the window has passed")
                .isTrue();
        assertThat(guard.firstSeen("msg_1", at)).as("and remembered again").isFalse();
    }

    @Test
    void firstSeen_differentIds_independent() {
        Instant at = clock.instant();

        assertThat(guard.firstSeen("msg_1", at)).isTrue();
        assertThat(guard.firstSeen("msg_2", at)).isTrue();
        assertThat(guard.firstSeen("MSG_1", at)).isTrue();
        assertThat(guard.firstSeen("msg_1", at)).isFalse();
    }

    @Test
    void firstSeen_longIdsDifferingOnlyAtTheEnd_distinct() {
        String prefix = "m".repeat(10_000);

        assertThat(guard.firstSeen(prefix + "a", clock.instant())).isTrue();
        assertThat(guard.firstSeen(prefix + "b", clock.instant())).isTrue();
        assertThat(guard.firstSeen(prefix + "a", clock.instant())).isFalse();
    }

    @Test
    void firstSeen_timestampAhead_rememberedUntilThatTimestampLeavesTheWindow() {
        Instant ahead = clock.instant().plus(WINDOW);
        assertThat(guard.firstSeen("msg_ahead", ahead)).isTrue();

        clock.advance(WINDOW.multipliedBy(2));
        assertThat(guard.firstSeen("msg_ahead", ahead)).isFalse();

        clock.advance(Duration.ofSeconds(1));
        assertThat(guard.firstSeen("msg_ahead", ahead)).isTrue();
    }

    @Test
    void firstSeen_timestampBehind_rememberedForAWholeWindowFromNow() {
        // A caller passing an old timestamp (or its receipt time) never gets less than one window of protection.
        Instant behind = clock.instant().minus(WINDOW);
        assertThat(guard.firstSeen("msg_behind", behind)).isTrue();

        clock.advance(WINDOW.minusSeconds(1));
        assertThat(guard.firstSeen("msg_behind", behind)).isFalse();
    }

    @Test
    void firstSeen_full_evictsTheOldestAndCountsIt() {
        Instant at = clock.instant();
        guard.firstSeen("msg_1", at);
        clock.advance(Duration.ofSeconds(1));
        guard.firstSeen("msg_2", at);
        guard.firstSeen("msg_3", at);

        assertThat(guard.firstSeen("msg_4", at)).isTrue();

        assertThat(guard.size()).isEqualTo(3);
        assertThat(guard.evictions()).isEqualTo(1);
        assertThat(guard.firstSeen("msg_4", at)).as("newest kept").isFalse();
        assertThat(guard.firstSeen("msg_3", at)).isFalse();
        assertThat(guard.firstSeen("msg_1", at)).as("oldest forgotten early").isTrue();
        assertThat(guard.evictions()).isEqualTo(2);
    }

    @Test
    void firstSeen_manyIds_memoryStaysBounded() {
        InMemoryReplayGuard bounded = ReplayGuard.inMemory(WINDOW, 100, clock);

        for (int i = 0; i < 10_000; i++) {
            assertThat(bounded.firstSeen("msg_" + i, clock.instant())).isTrue();
        }

        assertThat(bounded.size()).isEqualTo(100);
        assertThat(bounded.evictions()).isEqualTo(9_900);
        assertThat(bounded.firstSeen("msg_9999", clock.instant())).isFalse();
    }

    @Test
    void firstSeen_expiredEntries_prunedBeforeAnyEviction() {
        Instant at = clock.instant();
        guard.firstSeen("msg_1", at);
        guard.firstSeen("msg_2", at);
        guard.firstSeen("msg_3", at);

        clock.advance(WINDOW.plusSeconds(1));
        assertThat(guard.firstSeen("msg_4", clock.instant())).isTrue();

        assertThat(guard.size()).isEqualTo(1);
        assertThat(guard.evictions()).isZero();
    }

    @Test
    void firstSeen_expiredEntryBehindALiveOne_treatedAsForgotten() {
        // msg_ahead lives longer than msg_1 inserted after it, so pruning from the eldest end stops at msg_ahead.
        guard.firstSeen("msg_ahead", clock.instant().plus(WINDOW));
        guard.firstSeen("msg_1", clock.instant());

        clock.advance(WINDOW.plusSeconds(1));

        assertThat(guard.firstSeen("msg_1", clock.instant())).isTrue();
        assertThat(guard.size()).isEqualTo(2);
        assertThat(guard.firstSeen("msg_ahead", clock.instant())).isFalse();
    }

    @Test
    @Timeout(10)
    void firstSeen_concurrentCallersWithOneId_exactlyOneWins() throws Exception {
        InMemoryReplayGuard shared = ReplayGuard.inMemory(WINDOW, 10_000, clock);
        int callers = 64;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < callers; i++) {
                results.add(executor.submit(() -> {
                    start.await();
                    return shared.firstSeen("msg_race", clock.instant());
                }));
            }
            start.countDown();
            int winners = 0;
            for (Future<Boolean> result : results) {
                if (result.get(5, TimeUnit.SECONDS)) {
                    winners++;
                }
            }
            assertThat(winners).isEqualTo(1);
        }
        assertThat(shared.size()).isEqualTo(1);
    }

    @Test
    void none_acceptsEveryId() {
        ReplayGuard none = ReplayGuard.none();

        assertThat(none.firstSeen("msg_1", clock.instant())).isTrue();
        assertThat(none.firstSeen("msg_1", clock.instant())).isTrue();
        assertThat(none).hasToString("ReplayGuard.none()");
    }

    @Test
    void inMemory_badConfiguration_rejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> ReplayGuard.inMemory(Duration.ZERO, 10, clock));
        assertThatIllegalArgumentException().isThrownBy(() -> ReplayGuard.inMemory(Duration.ofSeconds(-1), 10, clock));
        assertThatIllegalArgumentException().isThrownBy(() -> ReplayGuard.inMemory(WINDOW, 0, clock));
    }
}
