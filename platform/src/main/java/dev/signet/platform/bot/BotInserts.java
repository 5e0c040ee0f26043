package dev.signet.platform.bot;

import dev.signet.platform.runtime.StatusChange;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;

/**
 * Group commit for the API's creations (decision 0011's update of 2026-12-04): each request hands its new bot to one
 * thread and waits; the thread writes every creation waiting at that moment (up to {@link #MAX_BATCH}) in one
 * transaction of batched statements, then answers them all. Alone, a creation is written at once, as before; under
 * load, one commit serves many. On H2 each commit rewrites every page changed since the last, so at 10,000 bots a
 * commit per creation was a third of the platform's CPU; on PostgreSQL it saves a WAL flush per creation.
 *
 * <p>Nothing is acknowledged before its commit. When a batch fails for a reason of one row (not a transient database
 * failure), every creation of it is written again on its own, so each request gets its own answer; a transient failure
 * fails the whole batch, as it would have failed each creation.
 */
final class BotInserts implements AutoCloseable {
    /** The most creations one transaction writes. */
    static final int MAX_BATCH = 256;

    /**
     * The most creations waiting at once: each is an API request blocked on its own answer; more wait to enter, so
     * under pressure creations slow down and the queue stays bounded.
     */
    static final int MAX_WAITING = 4 * MAX_BATCH;

    private static final Duration POLL = Duration.ofMillis(200);

    /** A creation to write: the bot's row, sealed and encoded, and its first status ({@code ready}). */
    record NewBot(BotRepository.NewRow row, StatusChange ready) {
        UUID id() {
            return row.id();
        }
    }

    private record Waiting(NewBot bot, CompletableFuture<@Nullable Void> written) {}

    private final Jdbi jdbi;
    private final BotRepository bots;
    private final BotHistoryRepository history;
    private final LinkedBlockingQueue<Waiting> queue = new LinkedBlockingQueue<>();
    private final Semaphore waiting = new Semaphore(MAX_WAITING);
    private final Object gate = new Object();
    private final Thread thread;
    private boolean closed; // guarded by gate

    BotInserts(Jdbi jdbi, BotRepository bots, BotHistoryRepository history) {
        this.jdbi = jdbi;
        this.bots = bots;
        this.history = history;
        this.thread = Thread.ofVirtual().name("signet-bot-inserts").unstarted(this::loop);
    }

    void start() {
        thread.start();
    }

    /** Writes {@code bot} with the creations waiting beside it; returns once it is committed. */
    void insert(NewBot bot) {
        try {
            waiting.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to write the bot", e);
        }
        try {
            Waiting entry = new Waiting(bot, new CompletableFuture<>());
            synchronized (gate) {
                if (closed) {
                    throw new IllegalStateException("the platform is stopping: no bot is created");
                }
                queue.add(entry);
            }
            entry.written().get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure
                    ? failure
                    : new IllegalStateException("the bot could not be written", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the bot was being written", e);
        } finally {
            waiting.release();
        }
    }

    /** Creations waiting for the thread now. */
    int queued() {
        return queue.size();
    }

    private void loop() {
        while (true) {
            Waiting first;
            try {
                first = queue.poll(POLL.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (first == null) {
                synchronized (gate) {
                    if (closed && queue.isEmpty()) {
                        return;
                    }
                }
                continue;
            }
            List<Waiting> batch = new ArrayList<>();
            batch.add(first);
            queue.drainTo(batch, MAX_BATCH - 1);
            write(batch);
        }
    }

    private void write(List<Waiting> batch) {
        try {
            jdbi.useTransaction(h -> {
                bots.insertAll(h, batch.stream().map(w -> w.bot().row()).toList());
                history.appendStatuses(
                        h,
                        batch.stream()
                                .map(w -> Map.entry(w.bot().id(), w.bot().ready()))
                                .toList());
            });
        } catch (RuntimeException e) {
            if (batch.size() > 1 && !TransientFailures.isTransient(e)) {
                for (Waiting one : batch) {
                    write(List.of(one));
                }
            } else {
                batch.forEach(w -> w.written().completeExceptionally(e));
            }
            return;
        }
        batch.forEach(w -> w.written().complete(null));
    }

    /** Writes what is queued, then stops; a creation that arrives later is refused. */
    @Override
    public void close() {
        synchronized (gate) {
            closed = true;
        }
        try {
            thread.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Waiting> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(w -> w.written()
                .completeExceptionally(new IllegalStateException("the platform stopped before the bot was written")));
    }
}
