package dev.signet.platform.webhook;

import dev.signet.platform.time.Pause;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.ToIntFunction;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records attempts' outcomes in batches on one virtual thread: whatever finished since the last write goes in the
 * next one (one transaction), so a thousand finished attempts cost a few statements, not a thousand.
 *
 * <p>A failed write (pool exhausted, database restarting) is retried with capped backoff, the same outcomes and
 * whatever arrived meanwhile; nothing is dropped. Each outcome's {@code recorded} callback runs once its write has
 * committed. If the platform stops while the database is away, the unrecorded rows stay claimed and pending, and are
 * attempted again when their lease ends: a webhook may be sent twice, never lost.
 */
final class OutcomeRecorder implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutcomeRecorder.class);
    static final int BATCH = 500;
    private static final Duration FIRST_RETRY = Duration.ofMillis(100);
    private static final Duration LAST_RETRY = Duration.ofSeconds(5);

    private record Entry(Outcome outcome, Runnable recorded) {}

    private final ToIntFunction<List<Outcome>> sink;
    private final Pause pause;
    private final LinkedBlockingQueue<Entry> queue = new LinkedBlockingQueue<>();
    private volatile boolean running;
    private @Nullable Thread worker;

    /** @param sink writes a batch in one transaction, or throws */
    OutcomeRecorder(ToIntFunction<List<Outcome>> sink, Pause pause) {
        this.sink = sink;
        this.pause = pause;
    }

    synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        worker = Thread.ofVirtual().name("webhook-recorder").start(this::loop);
    }

    /** Queues an outcome; {@code recorded} runs once it is in the database. */
    void add(Outcome outcome, Runnable recorded) {
        queue.add(new Entry(outcome, recorded));
    }

    /** Outcomes waiting to be written. */
    int waiting() {
        return queue.size();
    }

    private void loop() {
        List<Entry> batch = new ArrayList<>();
        Duration retry = FIRST_RETRY;
        try {
            while (running || !queue.isEmpty() || !batch.isEmpty()) {
                if (batch.isEmpty()) {
                    Entry first = queue.poll(1, TimeUnit.SECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                }
                queue.drainTo(batch, BATCH - batch.size());
                if (write(batch)) {
                    batch.forEach(e -> e.recorded().run());
                    batch.clear();
                    retry = FIRST_RETRY;
                } else if (!running) {
                    return; // stopping with the database away: the rows stay claimed and are retried after a restart
                } else {
                    pause.pause(retry);
                    retry = retry.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : retry.multipliedBy(2);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean write(List<Entry> batch) {
        try {
            int changed = sink.applyAsInt(batch.stream().map(Entry::outcome).toList());
            if (changed < batch.size()) {
                // Their lease ran out and another claim holds them now (or an operator replayed them): it records.
                LOG.info(
                        "{} of {} webhook outcomes were no longer held by their claim",
                        batch.size() - changed,
                        batch.size());
            }
            return true;
        } catch (RuntimeException e) {
            LOG.warn("recording {} webhook attempt(s) failed; retrying: {}", batch.size(), e.toString());
            return false;
        }
    }

    /** Writes what is queued (one try if the database is away) and stops. */
    @Override
    public void close() {
        Thread thread;
        synchronized (this) {
            running = false;
            thread = worker;
        }
        if (thread == null) {
            return;
        }
        try {
            thread.join(Duration.ofSeconds(5));
            thread.interrupt();
            thread.join(Duration.ofSeconds(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
