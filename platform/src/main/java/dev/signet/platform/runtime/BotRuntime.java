package dev.signet.platform.runtime;

import dev.signet.platform.driver.MeetingDriver;
import dev.signet.platform.time.Pause;
import dev.signet.platform.token.TokenFetcher;
import dev.signet.zoom.sdk.SdkSigner;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs bots: dispatches due bots on a tick (and on {@link #wake()}), runs each on its own virtual thread, and on
 * {@link #start()} recovers the bots a previous run left unfinished (DESIGN.md "Restarts").
 */
public final class BotRuntime implements BotControl, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BotRuntime.class);

    private final BotStore store;
    private final RuntimeSettings settings;
    private final Clock clock;
    private final BotRunner.Deps deps;
    private final Map<UUID, Running> active = new ConcurrentHashMap<>();
    private final Semaphore wakeups = new Semaphore(0);
    private final Object lifecycle = new Object();
    private volatile boolean closed;
    private @Nullable Thread scheduler; // guarded by lifecycle

    private record Running(BotRunner runner, Thread thread) {}

    /** A runtime whose bots wait through {@code pause} when they have no meeting session (tests move a clock). */
    public BotRuntime(
            BotStore store,
            MeetingDriver driver,
            TokenFetcher tokens,
            RuntimeSettings settings,
            Clock clock,
            MeterRegistry meters,
            Pause pause) {
        this.store = store;
        this.settings = settings;
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
                .register(meters);
    }

    /** Recovers the bots a previous run left unfinished, then starts the scheduler. */
    public void start() {
        synchronized (lifecycle) {
            if (scheduler != null || closed) {
                throw new IllegalStateException("the bot runtime was already started");
            }
            recover();
            scheduler = Thread.ofVirtual().name("signet-scheduler").start(this::schedule);
        }
    }

    /** Polls for due bots now instead of at the next tick (call after creating a bot). */
    @Override
    public void wake() {
        wakeups.release();
    }

    /** Makes a running bot leave its meeting ({@code call_ended} / {@code bot_received_leave_call}). */
    @Override
    public boolean leave(UUID botId) {
        Running running = active.get(botId);
        if (running == null) {
            return false;
        }
        running.runner().request(new BotEvent.LeaveRequested());
        return true;
    }

    /** The ids of the bots running now. */
    public List<UUID> running() {
        return List.copyOf(active.keySet());
    }

    /**
     * Stops taking work; the bots in meetings leave them but keep their status, so the next start rejoins them.
     * Waits up to the shutdown grace for their threads.
     */
    @Override
    public void close() {
        Thread stopped;
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
            stopped = scheduler;
        }
        long deadline = System.nanoTime() + settings.shutdownGrace().toNanos();
        wakeups.release();
        join(stopped, deadline);
        active.values().forEach(running -> running.runner().request(new BotEvent.ShutdownRequested()));
        for (Running running : List.copyOf(active.values())) {
            join(running.thread(), deadline);
        }
        if (!active.isEmpty()) {
            log.warn("{} bots did not stop within {}", active.size(), settings.shutdownGrace());
        }
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

    private void recover() {
        for (RunnableBot bot : store.unfinished()) {
            String status = bot.currentStatus();
            if (BotStatus.IN_MEETING.contains(status)) {
                log.info("bot {} was {} when the platform stopped; rejoining", bot.id(), status);
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
    }

    private void schedule() {
        while (!closed) {
            try {
                dispatchDue();
            } catch (RuntimeException e) {
                log.error("dispatching due bots failed; retrying at the next tick", e);
            }
            try {
                wakeups.tryAcquire(settings.tick().toNanos(), TimeUnit.NANOSECONDS);
                wakeups.drainPermits();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void dispatchDue() {
        List<RunnableBot> due;
        do {
            due = store.due(clock.instant(), settings.batchSize());
            for (RunnableBot bot : due) {
                if (closed) {
                    return;
                }
                if (!active.containsKey(bot.id()) && store.markDispatched(bot.id())) {
                    launch(bot, false);
                }
            }
        } while (due.size() >= settings.batchSize() && !closed);
    }

    private void launch(RunnableBot bot, boolean recovering) {
        BotRunner runner = new BotRunner(bot, recovering, settings, deps);
        Thread thread = Thread.ofVirtual().name("bot-" + bot.id()).unstarted(() -> {
            try {
                runner.run();
            } finally {
                active.remove(bot.id());
            }
        });
        active.put(bot.id(), new Running(runner, thread));
        thread.start();
    }
}
