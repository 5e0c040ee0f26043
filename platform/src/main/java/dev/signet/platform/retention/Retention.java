package dev.signet.platform.retention;

import dev.signet.platform.db.SqlTime;
import dev.signet.platform.time.Doorbell;
import dev.signet.platform.time.Pause;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes what is finished and older than the retention, in the background: bots that ended ({@code done},
 * {@code fatal}) with their status history, participants, metadata and commands (the foreign keys cascade), and
 * delivered webhooks. Pending and failed webhooks stay (failed ones are listed and replayable). Each statement deletes
 * at most {@link RetentionSettings#batch} rows in its own transaction, so a large first pass never holds long locks;
 * several nodes may run it at once.
 */
public final class Retention implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);
    /** A short breath between batches, so a large backlog does not take the pool from the bots. */
    private static final Duration BETWEEN_BATCHES = Duration.ofMillis(20);

    static final String DELETE_BOTS = """
            DELETE FROM bots WHERE id IN (
                SELECT id FROM bots WHERE status IN ('done', 'fatal') AND updated_at < :cutoff
                ORDER BY updated_at LIMIT :limit)
            """;
    static final String DELETE_DELIVERED_WEBHOOKS = """
            DELETE FROM webhook_deliveries WHERE id IN (
                SELECT id FROM webhook_deliveries WHERE status = 'delivered' AND updated_at < :cutoff
                ORDER BY updated_at LIMIT :limit)
            """;

    /** What one pass deleted. */
    public record Deleted(int bots, int webhooks) {}

    private final Jdbi jdbi;
    private final RetentionSettings settings;
    private final Clock clock;
    private final Pause pause;
    private final Doorbell doorbell;
    private volatile boolean running;
    private @Nullable Thread worker;

    public Retention(Jdbi jdbi, RetentionSettings settings, Clock clock, Pause pause) {
        this.jdbi = jdbi;
        this.settings = settings;
        this.clock = clock;
        this.pause = pause;
        this.doorbell = new Doorbell(pause);
    }

    /** Starts the background pass (nothing when retention is off). */
    public synchronized void start() {
        if (running || !settings.enabled()) {
            return;
        }
        running = true;
        worker = Thread.ofVirtual().name("retention").start(this::loop);
    }

    private void loop() {
        while (running) {
            try {
                Deleted deleted = pass();
                if (deleted.bots() + deleted.webhooks() > 0) {
                    LOG.info(
                            "retention deleted {} finished bots and {} delivered webhooks older than {}",
                            deleted.bots(),
                            deleted.webhooks(),
                            settings.keep());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("retention pass failed; next one in {}: {}", settings.interval(), e.toString());
            }
            try {
                doorbell.await(settings.interval());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Deletes everything due now, batch by batch. */
    public Deleted pass() throws InterruptedException {
        if (!settings.enabled()) {
            return new Deleted(0, 0);
        }
        Instant cutoff = clock.instant().minus(settings.keep());
        int webhooks = drain(DELETE_DELIVERED_WEBHOOKS, cutoff);
        int bots = drain(DELETE_BOTS, cutoff);
        return new Deleted(bots, webhooks);
    }

    private int drain(String sql, Instant cutoff) throws InterruptedException {
        int total = 0;
        while (true) {
            int n = jdbi.withHandle(h -> h.createUpdate(sql)
                    .bind("cutoff", SqlTime.bind(cutoff))
                    .bind("limit", settings.batch())
                    .execute());
            total += n;
            if (n < settings.batch()) {
                return total;
            }
            pause.pause(BETWEEN_BATCHES);
        }
    }

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
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
