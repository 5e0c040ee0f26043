package dev.signet.platform.bot;

import dev.signet.platform.db.SqlTime;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/** The {@code platform_nodes} and {@code bot_commands} tables: node leases and commands routed between nodes. */
final class NodeRepository {
    static final String LEAVE = "leave_call";

    void register(Handle h, String node, String version, int capacity, Instant now, Instant leaseUntil) {
        h.createUpdate("DELETE FROM platform_nodes WHERE id = :id")
                .bind("id", node)
                .execute();
        h.createUpdate("""
                        INSERT INTO platform_nodes (id, version, started_at, heartbeat_at, lease_until, capacity, active,
                            draining)
                        VALUES (:id, :version, :now, :now, :until, :capacity, 0, FALSE)
                        """)
                .bind("id", node)
                .bind("version", version)
                .bind("now", SqlTime.bind(now))
                .bind("until", SqlTime.bind(leaseUntil))
                .bind("capacity", capacity)
                .execute();
    }

    /** Renews the lease; {@code false} when the node's row is gone (another node reaped it). */
    boolean renew(Handle h, String node, int active, int capacity, boolean draining, Instant now, Instant until) {
        return h.createUpdate("""
                                UPDATE platform_nodes
                                SET heartbeat_at = :now, lease_until = :until, active = :active, capacity = :capacity,
                                    draining = :draining
                                WHERE id = :id
                                """)
                        .bind("id", node)
                        .bind("now", SqlTime.bind(now))
                        .bind("until", SqlTime.bind(until))
                        .bind("active", active)
                        .bind("capacity", capacity)
                        .bind("draining", draining)
                        .execute()
                == 1;
    }

    /** Nodes other than {@code self} whose lease ended before {@code now}, locked for reaping. */
    List<String> expired(Handle h, String self, Instant now) {
        return h.createQuery("""
                        SELECT id FROM platform_nodes WHERE lease_until < :now AND id <> :self
                        FOR UPDATE SKIP LOCKED
                        """)
                .bind("now", SqlTime.bind(now))
                .bind("self", self)
                .mapTo(String.class)
                .list();
    }

    /** Every node other than {@code self} (an exclusive embedded database: they are all gone). */
    List<String> others(Handle h, String self) {
        return h.createQuery("SELECT id FROM platform_nodes WHERE id <> :self")
                .bind("self", self)
                .mapTo(String.class)
                .list();
    }

    /** Removes a node, its commands and its status writer's mark. */
    void remove(Handle h, String node) {
        h.createUpdate("DELETE FROM bot_commands WHERE node_id = :id")
                .bind("id", node)
                .execute();
        h.createUpdate("DELETE FROM bot_write_marks WHERE node = :id")
                .bind("id", node)
                .execute();
        h.createUpdate("DELETE FROM bot_write_lane_marks WHERE node = :id")
                .bind("id", node)
                .execute();
        h.createUpdate("DELETE FROM platform_nodes WHERE id = :id")
                .bind("id", node)
                .execute();
    }

    /** Free slots over live nodes other than {@code self} that are not draining. */
    long freeElsewhere(Handle h, String self, Instant now) {
        return h.createQuery("""
                        SELECT COALESCE(SUM(CAST(capacity AS BIGINT) - active), 0) AS free FROM platform_nodes
                        WHERE id <> :self AND lease_until >= :now AND draining = FALSE
                        """)
                .bind("self", self)
                .bind("now", SqlTime.bind(now))
                .mapTo(Long.class)
                .one();
    }

    void command(Handle h, UUID botId, String node, String command, Instant now) {
        h.createUpdate("""
                        INSERT INTO bot_commands (bot_id, node_id, command, created_at)
                        VALUES (:bot, :node, :command, :now)
                        """)
                .bind("bot", botId)
                .bind("node", node)
                .bind("command", command)
                .bind("now", SqlTime.bind(now))
                .execute();
    }

    /** The commands for {@code node}, oldest first: (id, bot id). */
    List<Command> commands(Handle h, String node) {
        return h.createQuery("SELECT id, bot_id, command FROM bot_commands WHERE node_id = :node ORDER BY id")
                .bind("node", node)
                .map((rs, ctx) ->
                        new Command(rs.getLong("id"), rs.getObject("bot_id", UUID.class), rs.getString("command")))
                .list();
    }

    void deleteCommands(Handle h, List<Command> done) {
        var batch = h.prepareBatch("DELETE FROM bot_commands WHERE id = :id");
        done.forEach(c -> batch.bind("id", c.id()).add());
        batch.execute();
    }

    /** A command row. */
    record Command(long id, UUID botId, String command) {}
}
