package dev.signet.platform.bot;

import dev.signet.platform.crypto.SecretBox;
import dev.signet.platform.db.TimeOrderedIds;
import dev.signet.platform.http.JsonCodec;
import dev.signet.platform.runtime.BotControl;
import dev.signet.platform.runtime.BotStore;
import dev.signet.platform.runtime.Cluster;
import dev.signet.platform.time.Pause;
import dev.signet.platform.webhook.WebhookOutbox;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import org.jdbi.v3.core.Jdbi;

/**
 * The bot feature, wired: the store the runtime drives (with its one write path), the API routes, and the
 * bots-by-status gauge. Close it after the runtime: it commits the bots' last writes.
 */
public final class Bots implements AutoCloseable {
    private final Jdbi jdbi;
    private final JsonCodec json;
    private final Clock clock;
    private final BotRepository repository;
    private final BotHistoryRepository history;
    private final BotStore store;
    private final Cluster cluster;
    private final BotRequestParser parser;
    private final MultiGauge gauge;
    private final StatusWriter writer;
    private final BotInserts inserts;
    private final TimeOrderedIds ids;

    /**
     * @param node this node: its id, the platform version it runs, its lease, and whether the database is exclusive to
     *     it (the embedded H2)
     * @param writers connections the bots' batched write path uses at once (its lanes)
     * @param allowLoopbackTokenUrls accept {@code http://127.0.0.1…} token URLs (development and tests)
     */
    public Bots(
            Jdbi jdbi,
            Node node,
            int writers,
            JsonCodec json,
            SecretBox box,
            WebhookOutbox outbox,
            boolean allowLoopbackTokenUrls,
            Clock clock,
            Pause pause,
            MeterRegistry meters) {
        this.jdbi = jdbi;
        this.json = json;
        this.clock = clock;
        this.ids = new TimeOrderedIds(clock, new SecureRandom());
        this.repository = new BotRepository(json, new BotSecrets(box));
        this.history = new BotHistoryRepository();
        this.writer = new StatusWriter(
                jdbi,
                node.id(),
                repository,
                history,
                outbox,
                pause,
                StatusWriter.Settings.DEFAULTS.withLanes(writers),
                meters);
        this.inserts = new BotInserts(jdbi, repository, history);
        this.inserts.start();
        this.store = new JdbcBotStore(jdbi, node.id(), repository, history, writer);
        this.cluster =
                new JdbcCluster(jdbi, node.id(), node.version(), node.lease(), node.exclusive(), clock, repository);
        this.parser = new BotRequestParser(clock, new TokenUrls(allowLoopbackTokenUrls));
        this.gauge = MultiGauge.builder("signet.bots")
                .description("Bots by current status")
                .register(meters);
    }

    /** This node, as the bot store sees it. */
    public record Node(String id, String version, Duration lease, boolean exclusive) {}

    /** The cluster of nodes on this database, seen from this node. */
    public Cluster cluster() {
        return cluster;
    }

    /** The store the runtime reads and writes bots through. */
    public BotStore store() {
        return store;
    }

    /** The API routes, which tell {@code control} about new bots and leave requests. */
    public BotRoutes routes(BotControl control) {
        return new BotRoutes(new BotService(jdbi, repository, history, inserts, control, clock, ids), parser, json);
    }

    /** The bot API's operations for the dashboard: the same service and parser as {@link #routes}. */
    public BotConsole console(BotControl control) {
        return new BotConsole(new BotService(jdbi, repository, history, inserts, control, clock, ids), parser, json);
    }

    /** Commits the creations and writes still queued (the writer within its grace) and stops both. */
    @Override
    public void close() {
        inserts.close();
        writer.close();
    }

    /** Re-reads the bots-by-status gauge from the database (once per scrape). */
    public void refreshGauge() {
        var counts = jdbi.withHandle(repository::countByStatus);
        gauge.register(
                counts.entrySet().stream()
                        .map(e -> MultiGauge.Row.of(Tags.of("status", e.getKey()), e.getValue()))
                        .toList(),
                true);
    }
}
