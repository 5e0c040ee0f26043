package dev.signet.platform.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.ConnectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class OutcomeRecorderTest {
    static Outcome outcome(int i) {
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        return new Outcome("msg_" + i, "claim", DeliveryStatus.DELIVERED, 1, at, null, at);
    }

    @Test
    void databaseErrors_areRetriedUntilEveryOutcomeIsWrittenOnce() {
        AtomicInteger failuresLeft = new AtomicInteger(3);
        List<String> written = new CopyOnWriteArrayList<>();
        List<Duration> pauses = new CopyOnWriteArrayList<>();
        OutcomeRecorder recorder = new OutcomeRecorder(
                batch -> {
                    if (failuresLeft.getAndDecrement() > 0) {
                        throw new ConnectionException(new SQLTransientConnectionException("pool exhausted"));
                    }
                    batch.forEach(o -> written.add(o.id()));
                    return batch.size();
                },
                pauses::add);
        List<String> recorded = new CopyOnWriteArrayList<>();
        recorder.start();
        try {
            for (int i = 0; i < 1_200; i++) {
                String id = "msg_" + i;
                recorder.add(outcome(i), () -> recorded.add(id));
            }

            await().atMost(Duration.ofSeconds(20)).until(() -> recorded.size() == 1_200);
        } finally {
            recorder.close();
        }
        assertThat(written).hasSize(1_200).doesNotHaveDuplicates();
        assertThat(recorded).containsExactlyInAnyOrderElementsOf(written);
        assertThat(pauses).hasSize(3);
        assertThat(pauses.get(1)).isGreaterThan(pauses.get(0)); // backoff grows
    }

    @Test
    void outcomes_areWrittenInBatchesNotOneByOne() {
        List<Integer> batchSizes = new CopyOnWriteArrayList<>();
        AtomicInteger recorded = new AtomicInteger();
        java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(1);
        OutcomeRecorder recorder = new OutcomeRecorder(
                batch -> {
                    try {
                        gate.await(10, TimeUnit.SECONDS); // the first write waits, so the rest queue up
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    batchSizes.add(batch.size());
                    return batch.size();
                },
                d -> {});
        recorder.start();
        try {
            recorder.add(outcome(-1), recorded::incrementAndGet);
            await().atMost(Duration.ofSeconds(5)).until(() -> recorder.waiting() == 0);
            List<Outcome> more = new ArrayList<>();
            for (int i = 0; i < 1_000; i++) {
                more.add(outcome(i));
            }
            more.forEach(o -> recorder.add(o, recorded::incrementAndGet));
            gate.countDown();
            await().atMost(Duration.ofSeconds(10)).until(() -> recorded.get() == 1_001);
        } finally {
            recorder.close();
        }
        assertThat(batchSizes).first().isEqualTo(1);
        assertThat(batchSizes.subList(1, batchSizes.size()))
                .allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(OutcomeRecorder.BATCH))
                .hasSizeLessThanOrEqualTo(3);
    }
}
