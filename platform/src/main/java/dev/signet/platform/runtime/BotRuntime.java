package dev.signet.platform.runtime;

import dev.signet.platform.driver.MeetingDriver;
import dev.signet.platform.time.Doorbell;
import dev.signet.platform.time.Pause;
import dev.signet.platform.token.TokenFetcher;
import dev.signet.zoom.sdk.SdkSigner;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs this node's share of the bots (decision 0023): claims due and handed-over bots up to the node's capacity, runs
 * each on its own virtual thread, keeps the node's lease, takes over the bots of nodes whose lease expired, and
 * carries out commands other nodes route to it.
 *
 * <p>Two loops run beside the bots. The <em>scheduler</em> claims bots on a tick, at the next {@code join_at}, and
 * on {@link #wake()}. The <em>node loop</em> polls commands, renews the lease, reaps expired nodes, and fences: when
 * this node cannot renew its lease before it runs out (a lost database, a long pause) it stops its bots without
 * writing, so that no bot is ever run by two nodes; when its lease is back it hands them to the cluster again.
 */
public final class BotRuntime implements BotControl, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BotRuntime.class);

    private final BotStore store;
    private final Cluster cluster;
    private final RuntimeSettings settings;
    private final NodeSettings node;
    private final Clock clock;
    private final BotRunner.Deps deps;
    private final Map<UUID, Running> active = new ConcurrentHashMap<>();
    private final Doorbell schedulerBell = new Doorbell(Pause.real());
    private final Doorbell nodeBell = new Doorbell(Pause.real());
    private final Object lifecycle = new Object();
    private volatile boolean stopping;
    private volatile boolean fenced;
    private @Nullable Thread scheduler; // guarded by lifecycle
    private @Nullable Thread nodeLoop; // guarded by lifecycle

    private record Running(BotRunner runner, Thread thread) {}

    /** A runtime whose bots wait through {@code pause} when they have no meeting session (tests move a clock). */
    public BotRuntime(
            BotStore store,
            Cluster cluster,
            MeetingDriver driver,
            TokenFetcher tokens,
            RuntimeSettings settings,
            Clock clock,
            MeterRegistry meters,
            Pause pause) {
        this.store = store;
        this.cluster = cluster;
        this.settings = settings;
        this.node = settings.node();
        this.clock = clock;
        this.deps = new BotRunner.Deps(
                store,
                driver,
                tokens,
                new SdkSigner(settings.sdk(), clock),
                settings.sdk().key(),
                clock,
                pause,
                new RuntimeMetrics(meters));
        Gauge.builder("signet.bots.active", active, Map::size)
                .description("Bots running on this node")
                .tag("node", cluster.nodeId())
                .register(meters);
        Gauge.builder("signet.node.capacity", node, n -> n.capacity() == NodeSettings.UNLIMITED ? -1 : n.capacity())
                .description("The most bots this node runs at once (-1: no limit)")
                .tag("node", cluster.nodeId())
                .register(meters);
    }

    /** Joins the cluster, then starts claiming bots (bots a previous run left unfinished come back handed over). */
    public void start() {
        synchronized (lifecycle) {
            if (scheduler != null || stopping) {
                throw new IllegalStateException("the bot runtime was already started");
            }
            cluster.join(node.capacity());
            log.info("node {} joined (capacity {})", cluster.nodeId(), capacityText());
            nodeLoop = Thread.ofVirtual().name("signet-node").start(this::nodeLoop);
            scheduler = Thread.ofVirtual().name("signet-scheduler").start(this::schedule);
        }
    }

    /** Polls for due bots now instead of at the next tick (call after creating a bot). */
    @Override
    public void wake() {
        schedulerBell.ring();
    }

    /**
     * Makes a bot leave its meeting ({@code call_ended} / {@code bot_received_leave_call}): at once when this node runs
     * it, otherwise through the node that holds it.
     */
    @Override
    public boolean leave(UUID botId) {
        Running running = active.get(botId);
        if (running != null) {
            running.runner().request(new BotEvent.LeaveRequested());
            return true;
        }
        return cluster.sendLeave(botId);
    }

    /** The ids of the bots running on this node now. */
    public List<UUID> running() {
        return List.copyOf(active.keySet());
    }

    /** This node's id. */
    public String nodeId() {
        return cluster.nodeId();
    }

    /**
     * Drains the node: stops claiming, lets the bots in meetings leave them (keeping their status) within the shutdown
     * grace, and hands every bot back to the cluster, so other nodes (or the next start) rejoin them with fresh
     * tokens.
     */
    @Override
    public void close() {
        Thread stoppedScheduler;
        Thread stoppedNodeLoop;
        synchronized (lifecycle) {
            if (stopping) {
                return;
            }
            stopping = true;
            stoppedScheduler = scheduler;
            stoppedNodeLoop = nodeLoop;
        }
        long deadline = System.nanoTime() + settings.shutdownGrace().toNanos();
        schedulerBell.ring();
        join(stoppedScheduler, deadline);
        List<UUID> held = List.copyOf(active.keySet());
        stopAll();
        for (Running running : List.copyOf(active.values())) {
            join(running.thread(), deadline);
        }
        nodeBell.ring();
        join(stoppedNodeLoop, deadline);
        if (!active.isEmpty()) {
            log.warn("{} bots did not stop within {}", active.size(), settings.shutdownGrace());
        }
        if (stoppedScheduler == null) {
            return; // never started: never joined
        }
        try {
            if (!fenced) {
                cluster.leave(); // hands back every bot this node holds
                log.info("node {} drained: {} bots handed back", cluster.nodeId(), held.size());
            }
        } catch (RuntimeException e) {
            log.warn(
                    "node {} could not hand its bots back ({}); other nodes take them over when its lease expires",
                    cluster.nodeId(),
                    e.toString());
        }
    }

    private void stopAll() {
        active.values().forEach(running -> running.runner().request(new BotEvent.ShutdownRequested()));
    }

    private static void join(@Nullable Thread thread, long deadlineNanos) {
        if (thread == null) {
            return;
        }
        try {
            thread.join(Duration.ofNanos(Math.max(1, deadlineNanos - System.nanoTime())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void schedule() {
        boolean uncertain = false; // a claim failed: it may have committed all the same
        while (!stopping) {
            Duration wait = settings.tick();
            try {
                if (!fenced) {
                    if (uncertain) {
                        startHeldButNotRunning();
                        uncertain = false;
                    }
                    dispatch();
                    wait = untilNextJoinAt(wait);
                }
            } catch (RuntimeException e) {
                uncertain = true;
                log.warn("claiming due bots failed ({}); retrying at the next tick", e.toString());
            }
            try {
                schedulerBell.await(wait);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void dispatch() {
        while (!stopping && !fenced) {
            int free = node.capacity() == NodeSettings.UNLIMITED ? Integer.MAX_VALUE : node.capacity() - active.size();
            if (free <= 0) {
                if (cluster.freeCapacity() <= 0) {
                    int marked = store.markWaitingForCapacity(clock.instant(), settings.batchSize());
                    if (marked > 0) {
                        log.info("every node is at capacity; {} due bots wait for a free slot", marked);
                    }
                }
                return;
            }
            int limit = Math.min(free, settings.batchSize());
            List<Claimed> claimed = store.claim(clock.instant(), limit);
            for (Claimed bot : claimed) {
                start(bot);
            }
            if (claimed.size() < limit) {
                return;
            }
        }
    }

    /**
     * Starts the bots this node holds but runs no runner for: after a claim failed, its commit may have reached the
     * database all the same (a connection cut after the commit), leaving bots claimed by a live node that never ran
     * them. Runs on the scheduler thread, so no claim is between its commit and {@link #launch}.
     */
    private void startHeldButNotRunning() {
        for (Claimed claimed : store.held()) {
            if (!active.containsKey(claimed.id())) {
                log.info("bot {} was claimed by a claim reported failed; starting it", claimed.id());
                start(claimed);
            }
        }
    }

    /** Waits until the next {@code join_at} when it comes before the next tick (dispatch within the second). */
    private Duration untilNextJoinAt(Duration tick) {
        Instant now = clock.instant();
        return store.nextJoinAt(now)
                .map(at -> Duration.between(now, at))
                .filter(until -> until.compareTo(tick) < 0)
                .map(until -> until.isNegative() ? Duration.ZERO : until)
                .orElse(tick);
    }

    private void start(Claimed claimed) {
        switch (claimed) {
            case Claimed.Unreadable unreadable -> {
                log.error("bot {} cannot be read: {}", unreadable.id(), unreadable.reason());
                store.transition(
                        unreadable.id(),
                        new StatusChange(
                                BotStatus.FATAL,
                                JoinOutcomes.BOT_ERRORED,
                                "The bot's stored values cannot be read: " + unreadable.reason(),
                                clock.instant()));
            }
            case Claimed.Bot runnable when !runnable.handedOver() -> launch(runnable.bot(), false);
            case Claimed.Bot runnable -> takeOver(runnable.bot());
        }
    }

    /** The restart rule (DESIGN.md "Restarts") for a bot another node (or a previous run) left unfinished. */
    private void takeOver(RunnableBot bot) {
        String status = bot.currentStatus();
        if (BotStatus.IN_MEETING.contains(status)) {
            log.info("bot {} was {} on a node that stopped; rejoining", bot.id(), status);
            launch(bot, true);
        } else if (BotStatus.READY.equals(status)) {
            launch(bot, false);
        } else if (BotStatus.CALL_ENDED.equals(status)) {
            store.transition(bot.id(), new StatusChange(BotStatus.DONE, null, null, clock.instant()));
        } else if (!BotStatus.isFinal(status)) {
            store.transition(
                    bot.id(),
                    new StatusChange(
                            BotStatus.FATAL,
                            JoinOutcomes.BOT_ERRORED,
                            BotTransitions.PLATFORM_RESTARTED,
                            clock.instant()));
        }
    }

    private void launch(RunnableBot bot, boolean recovering) {
        if (active.containsKey(bot.id())) {
            return; // never two runners for one bot on one node
        }
        BotRunner runner = new BotRunner(bot, recovering, settings, deps);
        String nodeId = cluster.nodeId();
        Thread thread = Thread.ofVirtual().name("bot-" + bot.id()).unstarted(() -> {
            MDC.put("node", nodeId);
            MDC.put("bot", bot.id().toString());
            try {
                runner.run();
            } finally {
                active.remove(bot.id());
                MDC.clear();
                schedulerBell.ring(); // a slot is free
            }
        });
        active.put(bot.id(), new Running(runner, thread));
        thread.start();
    }

    // ---- the node loop: commands, lease, takeover, fencing ----

    private void nodeLoop() {
        MDC.put("node", cluster.nodeId());
        long renewedAt = System.nanoTime(); // when the last heartbeat that found the lease held was sent
        long healthySince = renewedAt; // since when heartbeats succeed without a gap
        boolean healthy = true;
        long nextHeartbeat = renewedAt;
        while (!stopping) {
            long now = System.nanoTime();
            if (now - nextHeartbeat >= 0) {
                nextHeartbeat = now + node.heartbeat().toNanos();
                try {
                    boolean held = cluster.heartbeat(active.size(), node.capacity(), stopping);
                    if (!healthy) {
                        healthy = true;
                        healthySince = now;
                    }
                    if (held) {
                        renewedAt = now;
                    } else if (!fenced) {
                        log.warn("node {} lost its lease to another node; stopping its bots", cluster.nodeId());
                        fence();
                    }
                    if (fenced && resume()) {
                        renewedAt = now;
                    }
                } catch (RuntimeException e) {
                    healthy = false;
                    log.warn("node {} could not renew its lease: {}", cluster.nodeId(), e.toString());
                }
                if (healthy && now - healthySince >= node.lease().toNanos()) {
                    reap();
                }
            }
            if (!fenced
                    && now - renewedAt > node.lease().minus(node.heartbeat()).toNanos()) {
                log.warn(
                        "node {} could not renew its lease for {}; stopping its bots before another node takes them",
                        cluster.nodeId(),
                        node.lease().minus(node.heartbeat()));
                fence();
            }
            runCommands();
            try {
                nodeBell.await(node.commandPoll());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /**
     * Takes over the bots of expired nodes. Called only once this node's heartbeats have succeeded for a whole lease:
     * after a database outage every lease looks expired, and live nodes need a heartbeat to show they are alive.
     */
    private void reap() {
        try {
            List<String> reaped = cluster.reapExpired();
            if (!reaped.isEmpty()) {
                log.warn("nodes {} stopped renewing their leases; their bots are taken over", reaped);
                schedulerBell.ring();
            }
        } catch (RuntimeException e) {
            log.warn("could not look for expired nodes: {}", e.toString());
        }
    }

    /** Stops every bot of this node without further writes: another node may run them now. */
    private void fence() {
        fenced = true;
        stopAll();
    }

    /**
     * The database answers again after fencing: once every bot of this node has stopped, joins again (handing its bots
     * to the cluster, this node included); {@code false} while bots are still stopping.
     */
    private boolean resume() {
        if (!active.isEmpty()) {
            stopAll();
            return false;
        }
        cluster.join(node.capacity());
        fenced = false;
        log.info("node {} holds a lease again and claims bots", cluster.nodeId());
        schedulerBell.ring();
        return true;
    }

    private void runCommands() {
        List<UUID> leave;
        try {
            leave = cluster.takeLeaveCommands();
        } catch (RuntimeException e) {
            log.debug("could not read commands: {}", e.toString());
            return;
        }
        List<UUID> missed = new ArrayList<>();
        for (UUID botId : leave) {
            Running running = active.get(botId);
            if (running == null) {
                missed.add(botId);
            } else {
                running.runner().request(new BotEvent.LeaveRequested());
            }
        }
        if (!missed.isEmpty()) {
            log.info("leave_call for bots {} arrived after they stopped on this node", missed);
        }
    }

    private String capacityText() {
        return node.capacity() == NodeSettings.UNLIMITED ? "no limit" : Integer.toString(node.capacity());
    }
}
