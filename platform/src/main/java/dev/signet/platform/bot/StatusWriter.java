package dev.signet.platform.bot;

import dev.signet.platform.runtime.BotStatus;
import dev.signet.platform.runtime.LeaseLostException;
import dev.signet.platform.runtime.Participant;
import dev.signet.platform.runtime.RosterChange;
import dev.signet.platform.runtime.StatusChange;
import dev.signet.platform.runtime.StoreClosedException;
import dev.signet.platform.time.Pause;
import dev.signet.platform.webhook.WebhookOutbox;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one write path of running bots (decision 0011): status changes, each with its webhooks, and participant lists,
 * written in batches by a few writer threads ("lanes"), each over one connection at a time, so thousands of bots
 * never each hold a connection. A bot's writes always go to the same lane (chosen by its id), so they stay in order;
 * several lanes let a database that commits in parallel (PostgreSQL) take several batches at once.
 *
 * <p>A bot waits until its own write has committed (the runtime's rule: a status is persisted, with its webhook
 * queued in the same transaction, before the bot moves on), so each bot's writes stay in order. A transient database
 * failure (pool timeout, lost connection, restart, serialization failure) is retried with capped backoff for as
 * long as it lasts: load slows bots down, it never ends them. A failure that is not transient is isolated to the one
 * write that causes it. The queue is bounded: when it is full, bots wait to enqueue; nothing is dropped. (Each bot
 * already coalesces its participant list to one write every few seconds; here those writes share batches too.)
 */
final class StatusWriter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StatusWriter.class);

    /** How the writer batches and retries. */
    record Settings(
            int lanes, int capacity, int batchSize, Duration minBackoff, Duration maxBackoff, Duration closeGrace) {
        Settings {
            if (lanes < 1) {
                throw new IllegalArgumentException("at least one writer lane, got " + lanes);
            }
        }

        static final Settings DEFAULTS =
                new Settings(1, 16_384, 512, Duration.ofMillis(100), Duration.ofSeconds(5), Duration.ofSeconds(10));

        Settings withLanes(int lanes) {
            return new Settings(lanes, capacity, batchSize, minBackoff, maxBackoff, closeGrace);
        }
    }

    /** One bot's write: a status change, its participant list, or what changed in that list. */
    private record Pending(
            UUID botId,
            @Nullable StatusChange change,
            @Nullable List<Participant> roster,
            @Nullable RosterChange rosterChange,
            CompletableFuture<Void> done) {
        boolean isRoster() {
            return roster != null || rosterChange != null;
        }
    }

    /** What one batch committed: how many webhooks it queued, and the writes of bots this node no longer holds. */
    private record Written(int queued, Set<Pending> lost) {}

    private final Jdbi jdbi;
    private final String node;
    private final BotRepository bots;
    private final BotHistoryRepository history;
    private final WebhookOutbox outbox;
    private final Pause pause;
    private final Settings settings;
    private final List<Lane> lanes;
    private final Counter retries;
    private volatile boolean closed;

    StatusWriter(
            Jdbi jdbi,
            String node,
            BotRepository bots,
            BotHistoryRepository history,
            WebhookOutbox outbox,
            Pause pause,
            Settings settings,
            MeterRegistry meters) {
        this.jdbi = jdbi;
        this.node = node;
        this.bots = bots;
        this.history = history;
        this.outbox = outbox;
        this.pause = pause;
        this.settings = settings;
        this.retries = Counter.builder("signet.store.write.retries")
                .description("Batches of bot writes retried after a transient database failure")
                .register(meters);
        List<Lane> lanes = new ArrayList<>();
        // The queue bound is shared out: the writer as a whole holds at most 'capacity' waiting writes.
        int perLane = Math.max(1, settings.capacity() / settings.lanes());
        for (int i = 0; i < settings.lanes(); i++) {
            lanes.add(new Lane(i, perLane));
        }
        this.lanes = List.copyOf(lanes);
        Gauge.builder("signet.store.pending.writes", this, StatusWriter::pending)
                .description("Status changes waiting for the database")
                .register(meters);
        this.lanes.forEach(Lane::start);
    }

    private int pending() {
        return lanes.stream().mapToInt(l -> l.queue.size()).sum();
    }

    private Lane laneOf(UUID botId) {
        return lanes.get(Math.floorMod(botId.hashCode(), lanes.size()));
    }

    /** Records {@code change} and queues its webhooks; returns once committed. */
    void transition(UUID botId, StatusChange change) {
        submit(new Pending(botId, change, null, null, new CompletableFuture<>()));
    }

    /** Replaces the bot's participant list; returns once committed. */
    void participants(UUID botId, List<Participant> participants) {
        submit(new Pending(botId, null, List.copyOf(participants), null, new CompletableFuture<>()));
    }

    /** Applies what changed in the bot's participant list since its last write; returns once committed. */
    void participantsChanged(UUID botId, RosterChange change) {
        submit(new Pending(botId, null, null, change, new CompletableFuture<>()));
    }

    private void submit(Pending pending) {
        boolean interrupted = false;
        try {
            while (true) {
                if (closed) {
                    throw new StoreClosedException();
                }
                try {
                    if (laneOf(pending.botId()).queue.offer(pending, 100, TimeUnit.MILLISECONDS)) {
                        break;
                    }
                } catch (InterruptedException e) {
                    interrupted = true; // the write must still happen: the caller's state depends on it
                }
            }
            while (true) {
                try {
                    pending.done().get();
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One writer thread with its own queue, connection (one at a time) and write mark. */
    private final class Lane {
        private final int index;
        private final BlockingQueue<Pending> queue;
        private final Thread thread;

        Lane(int index, int capacity) {
            this.index = index;
            this.queue = new ArrayBlockingQueue<>(capacity);
            this.thread = Thread.ofPlatform()
                    .name("signet-status-writer-" + index)
                    .daemon()
                    .unstarted(this::run);
        }

        void start() {
            thread.start();
        }

        void join(Duration wait) throws InterruptedException {
            thread.join(wait);
        }

        void failQueued() {
            Pending left;
            while ((left = queue.poll()) != null) {
                left.done().completeExceptionally(new StoreClosedException());
            }
        }

        private void run() {
            List<Pending> batch = new ArrayList<>();
            while (!closed || !queue.isEmpty()) {
                try {
                    Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                    if (first != null) {
                        batch.add(first);
                        queue.drainTo(batch, settings.batchSize() - 1);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return; // nothing interrupts the writer but the JVM going down
                }
                if (!batch.isEmpty()) {
                    write(batch);
                    batch.clear();
                }
            }
        }

        /** Writes one batch, retrying transient failures; isolates a change that fails for another reason. */
        private void write(List<Pending> batch) {
            Duration backoff = settings.minBackoff();
            Duration waitedClosed = Duration.ZERO;
            String batchId = UUID.randomUUID().toString();
            boolean maybeCommitted = false; // a failed attempt may have failed after its COMMIT reached the database
            for (int attempt = 1; ; attempt++) {
                try {
                    Written written;
                    if (maybeCommitted && committed(batchId)) {
                        // Committed although the attempt saw a failure: the writes are in, exactly once. Which of them
                        // were fenced off is not known any more; a node that lost a bot learns it from its lease.
                        log.info(
                                "a batch of {} bot writes reported failed had committed; not writing it again",
                                batch.size());
                        written = new Written(1, Set.of());
                    } else {
                        written = jdbi.inTransaction(h -> writeAll(h, batch, batchId));
                    }
                    for (Pending p : batch) {
                        if (written.lost().contains(p)) {
                            p.done().completeExceptionally(new LeaseLostException());
                        } else {
                            p.done().complete(null);
                        }
                    }
                    if (written.queued() > 0) {
                        outbox.committed();
                    }
                    if (attempt > 1) {
                        log.info(
                                "the database answers again; {} bot writes committed after {} attempts",
                                batch.size(),
                                attempt);
                    }
                    return;
                } catch (RuntimeException e) {
                    if (!TransientFailures.isTransient(e)) {
                        isolate(batch, e);
                        return;
                    }
                    maybeCommitted = true;
                    retries.increment();
                    if (attempt == 1 || attempt % 20 == 0) {
                        log.warn(
                                "the database failed a batch of {} bot writes ({}); retrying every {} ms at most, bots wait",
                                batch.size(),
                                TransientFailures.describe(e),
                                settings.maxBackoff().toMillis());
                    }
                }
                if (closed) {
                    waitedClosed = waitedClosed.plus(backoff);
                    if (waitedClosed.compareTo(settings.closeGrace()) > 0) {
                        log.warn(
                                "stopping with {} bot writes not committed; the bots keep their last recorded status",
                                batch.size());
                        batch.forEach(p -> p.done().completeExceptionally(new StoreClosedException()));
                        return;
                    }
                }
                try {
                    pause.pause(backoff);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return; // nothing interrupts the writer but the JVM going down
                }
                backoff = backoff.multipliedBy(2).compareTo(settings.maxBackoff()) > 0
                        ? settings.maxBackoff()
                        : backoff.multipliedBy(2);
            }
        }

        private void isolate(List<Pending> batch, RuntimeException cause) {
            if (batch.size() <= 1) {
                log.error("a bot write failed and is not retried", cause);
                batch.forEach(p -> p.done().completeExceptionally(cause));
                return;
            }
            batch.forEach(p -> write(List.of(p)));
        }

        /**
         * Writes a batch in one transaction. Each write is fenced: it happens only while this node holds the bot (decision
         * 0023); a write for a bot another node took over changes nothing and is reported lost.
         */
        private boolean committed(String batchId) {
            return jdbi.withHandle(h -> bots.lastWriteBatch(h, node, index))
                    .filter(batchId::equals)
                    .isPresent();
        }

        private Written writeAll(Handle h, List<Pending> batch, String batchId) {
            bots.markWriteBatch(h, node, index, batchId);
            Set<Pending> lost = Collections.newSetFromMap(new IdentityHashMap<>());
            List<Pending> rosterWrites = new ArrayList<>();
            List<Pending> changeWrites = new ArrayList<>();
            for (Pending p : batch) {
                (p.isRoster() ? rosterWrites : changeWrites).add(p);
            }

            // Rosters. A runner's first list replaces the bot's (one DELETE and one INSERT batch); after it, each
            // write holds only what changed (an INSERT batch of new participants, an UPDATE batch of changed ones).
            // A bot waits for each write, so a batch holds at most one of its roster writes.
            if (!rosterWrites.isEmpty()) {
                Set<UUID> held = bots.heldAmong(
                        h, rosterWrites.stream().map(Pending::botId).collect(Collectors.toSet()), node);
                Map<UUID, List<Participant>> replaced = new LinkedHashMap<>();
                Map<UUID, RosterChange> changed = new LinkedHashMap<>();
                for (Pending p : rosterWrites) {
                    if (!held.contains(p.botId())) {
                        lost.add(p);
                    } else if (p.roster() != null) {
                        replaced.put(p.botId(), p.roster());
                    } else {
                        changed.put(p.botId(), Objects.requireNonNull(p.rosterChange()));
                    }
                }
                history.replaceParticipants(h, replaced);
                history.changeParticipants(h, changed);
            }

            // Status changes, in order: one UPDATE batch (fenced row by row), then their history and webhooks in
            // batches.
            List<Map.Entry<UUID, StatusChange>> changes = changeWrites.stream()
                    .map(p -> Map.entry(p.botId(), Objects.requireNonNull(p.change())))
                    .toList();
            boolean[] applied = bots.updateStatusesIfHeld(h, node, changes);
            List<Map.Entry<UUID, StatusChange>> written = new ArrayList<>();
            for (int i = 0; i < applied.length; i++) {
                if (applied[i]) {
                    written.add(changes.get(i));
                } else {
                    lost.add(changeWrites.get(i));
                }
            }
            history.appendStatuses(h, written);
            // As at Recall, 'ready' is recorded but never sent.
            List<Map.Entry<UUID, StatusChange>> sent = written.stream()
                    .filter(e -> !e.getValue().code().equals(BotStatus.READY))
                    .toList();
            Map<UUID, Map<String, String>> metadata =
                    bots.metadataOf(h, sent.stream().map(Map.Entry::getKey).collect(Collectors.toSet()));
            List<WebhookOutbox.Message> webhooks = new ArrayList<>();
            for (Map.Entry<UUID, StatusChange> e : sent) {
                StatusWebhook webhook =
                        StatusWebhook.of(e.getKey(), metadata.getOrDefault(e.getKey(), Map.of()), e.getValue());
                webhooks.add(new WebhookOutbox.Message(e.getKey(), webhook.event(), webhook));
            }
            return new Written(outbox.enqueueAll(h, webhooks), lost);
        }
    }

    /**
     * Stops taking writes; commits what is queued (retrying for the close grace at most), then stops. Never
     * interrupts the writer: an interrupt inside a JDBC call can close an embedded database's file.
     */
    @Override
    public void close() {
        closed = true;
        try {
            // The lanes drain in parallel: one deadline for all of them.
            long deadline =
                    System.nanoTime() + settings.closeGrace().plusSeconds(5).toNanos();
            for (Lane lane : lanes) {
                lane.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        lanes.forEach(Lane::failQueued);
    }
}
