package dev.signet.broker.zak;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.broker.metrics.BrokerMetrics;
import dev.signet.secrets.Secret;
import dev.signet.testkit.MutableClock;
import dev.signet.zoom.ZoomTransportException;
import dev.signet.zoom.users.UserToken;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ZakCacheTest {
    private static final String USER = "alice@example.com";

    private final MutableClock clock = MutableClock.fixed();
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger mints = new AtomicInteger();
    private final AtomicBoolean interrupted = new AtomicBoolean();
    private final ExecutorService mintThreads = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        release.countDown();
        scheduler.shutdownNow();
        mintThreads.shutdownNow();
    }

    /** A Zoom that answers only when the test releases it, and notices if its caller is interrupted. */
    private UserToken mint(String user) {
        mints.incrementAndGet();
        try {
            release.await();
        } catch (InterruptedException e) {
            interrupted.set(true);
            Thread.currentThread().interrupt();
            throw new ZoomTransportException(ZoomTransportException.Kind.INTERRUPTED, "interrupted", e);
        }
        return new UserToken(
                Secret.of("zak.shared"), clock.instant(), clock.instant().plus(Duration.ofHours(2)));
    }

    /**
     * The first caller gives up after its 200 ms; the mint it started is shared work, so it runs on, and its ZAK serves
     * the callers after it without a second call to Zoom.
     */
    @Test
    void callerTimeout_doesNotCancelTheSharedMint_whoseZakServesLaterCallersWithoutAnotherMint() {
        var policy = new ZakPolicy(
                Duration.ofHours(2), Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofMillis(200));
        ZakCache cache = new ZakCache(
                this::mint,
                policy,
                new ZoomHealth(),
                new BrokerMetrics(),
                clock,
                new ZakThreads(mintThreads, scheduler));

        assertThat(cache.fetch(USER, true)).isEqualTo(new ZakOutcome.Failed("zoom did not answer in time"));
        release.countDown();

        assertThat(cache.fetch(USER, true))
                .isInstanceOfSatisfying(
                        ZakOutcome.Issued.class,
                        issued -> assertThat(issued.zak().reveal()).isEqualTo("zak.shared"));
        assertThat(mints).hasValue(1);
        assertThat(interrupted).isFalse();
    }
}
