package dev.signet.platform.bot;

import dev.signet.platform.runtime.Cluster;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * The {@link Cluster} over the platform database (decision 0023): one {@code platform_nodes} row per node with its
 * lease, and {@code bot_commands} rows for commands routed to the node holding a bot. Times come from the nodes'
 * clocks (kept in step by NTP; skew well under a lease is fine).
 */
final class JdbcCluster implements Cluster {
    private final Jdbi jdbi;
    private final String node;
    private final String version;
    private final Duration lease;
    private final boolean exclusive;
    private final Clock clock;
    private final BotRepository bots;
    private final NodeRepository nodes = new NodeRepository();

    /**
     * @param exclusive the database admits one process only (the embedded H2): every other node row is a previous run
     *     of this one, whose bots are taken back at once
     */
    JdbcCluster(
            Jdbi jdbi,
            String node,
            String version,
            Duration lease,
            boolean exclusive,
            Clock clock,
            BotRepository bots) {
        this.jdbi = jdbi;
        this.node = node;
        this.version = version;
        this.lease = lease;
        this.exclusive = exclusive;
        this.clock = clock;
        this.bots = bots;
    }

    @Override
    public String nodeId() {
        return node;
    }

    @Override
    public void join(int capacity) {
        Instant now = clock.instant();
        jdbi.useTransaction(h -> {
            bots.releaseAll(h, node); // a restart under the same id: what it held is handed over again
            if (exclusive) {
                for (String other : nodes.others(h, node)) {
                    bots.releaseAll(h, other);
                    nodes.remove(h, other);
                }
            }
            nodes.register(h, node, version, capacity, now, now.plus(lease));
        });
    }

    @Override
    public boolean heartbeat(int active, int capacity, boolean draining) {
        Instant now = clock.instant();
        return jdbi.withHandle(h -> nodes.renew(h, node, active, capacity, draining, now, now.plus(lease)));
    }

    @Override
    public List<String> reapExpired() {
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            List<String> expired = nodes.expired(h, node, now);
            for (String dead : expired) {
                bots.releaseAll(h, dead);
                nodes.remove(h, dead);
            }
            return expired;
        });
    }

    @Override
    public long freeCapacity() {
        return jdbi.withHandle(h -> nodes.freeElsewhere(h, node, clock.instant()));
    }

    @Override
    public boolean sendLeave(UUID botId) {
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            var owner = bots.owner(h, botId);
            owner.ifPresent(holder -> nodes.command(h, botId, holder, NodeRepository.LEAVE, now));
            return owner.isPresent();
        });
    }

    @Override
    public List<UUID> takeLeaveCommands() {
        return jdbi.inTransaction(h -> {
            List<NodeRepository.Command> commands = nodes.commands(h, node);
            if (commands.isEmpty()) {
                return List.of();
            }
            nodes.deleteCommands(h, commands);
            return commands.stream()
                    .filter(c -> c.command().equals(NodeRepository.LEAVE))
                    .map(NodeRepository.Command::botId)
                    .toList();
        });
    }

    @Override
    public void leave() {
        jdbi.useTransaction(h -> {
            bots.releaseAll(h, node);
            nodes.remove(h, node);
        });
    }
}
