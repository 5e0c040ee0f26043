package dev.signet.platform.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class DoorbellTest {
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final List<Duration> pauses = new CopyOnWriteArrayList<>();
    private final CountDownLatch waiting = new CountDownLatch(1);
    /** Records the wait, then blocks until the waiting thread is interrupted. */
    private final Pause untilInterrupted = duration -> {
        pauses.add(duration);
        waiting.countDown();
        new CountDownLatch(1).await();
    };

    @Test
    void await_withoutRing_pausesForTheTimeout() throws InterruptedException {
        new Doorbell(pauses::add).await(MINUTE);

        assertThat(pauses).containsExactly(MINUTE);
    }

    @Test
    void await_afterARing_returnsAtOnceAndOnlyOnce() throws InterruptedException {
        Doorbell doorbell = new Doorbell(pauses::add);
        doorbell.ring();
        doorbell.ring();

        doorbell.await(MINUTE);
        assertThat(pauses).isEmpty();
        doorbell.await(MINUTE);
        assertThat(pauses).containsExactly(MINUTE);
    }

    @Test
    void await_aWait_answersWhatItReturned_orTheRungValueAfterARing() throws InterruptedException {
        Doorbell doorbell = new Doorbell(pauses::add);

        assertThat(doorbell.await(() -> "event", "rung")).isEqualTo("event");
        doorbell.ring();
        assertThat(doorbell.await(() -> "event", "rung")).isEqualTo("rung");
    }

    @Test
    void ring_duringAWait_endsItAndLeavesNoInterrupt() throws Exception {
        Doorbell doorbell = new Doorbell(untilInterrupted);
        CompletableFuture<Boolean> interruptedAfter = new CompletableFuture<>();
        Thread worker = Thread.ofVirtual().start(() -> {
            try {
                doorbell.await(MINUTE);
                interruptedAfter.complete(Thread.currentThread().isInterrupted());
            } catch (InterruptedException e) {
                interruptedAfter.completeExceptionally(e);
            }
        });
        waiting.await();

        doorbell.ring();

        assertThat(interruptedAfter.get(5, TimeUnit.SECONDS)).isFalse();
        worker.join();
        assertThat(pauses).containsExactly(MINUTE);
    }

    @Test
    void interrupt_thatIsNoRing_propagates() throws Exception {
        Doorbell doorbell = new Doorbell(untilInterrupted);
        CompletableFuture<Throwable> thrown = new CompletableFuture<>();
        Thread worker = Thread.ofVirtual().start(() -> {
            try {
                doorbell.await(MINUTE);
                thrown.complete(new AssertionError("await returned"));
            } catch (InterruptedException e) {
                thrown.complete(e);
            }
        });
        waiting.await();

        worker.interrupt();

        assertThat(thrown.get(5, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
    }
}
