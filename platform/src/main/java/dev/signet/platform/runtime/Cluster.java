package dev.signet.platform.runtime;

import java.util.List;
import java.util.UUID;

/**
 * The nodes sharing one database, seen from this node: its lease, the others' leases, and commands for the bots each
 * holds. Implemented over the database ({@code platform_nodes}, {@code bot_commands}).
 */
public interface Cluster {
    /** This node's id, as it appears in {@code owner_node} and in logs. */
    String nodeId();

    /**
     * Registers this node at start (a node restarting with the same id first hands back what it held before).
     */
    void join(int capacity);

    /**
     * Renews this node's lease and reports its load; {@code false} when the lease is gone (another node found it
     * expired and took its bots): the node must stop its bots without writing and join again.
     */
    boolean heartbeat(int active, int capacity, boolean draining);

    /** Releases the bots of nodes whose lease expired and removes those nodes; returns their ids. */
    List<String> reapExpired();

    /** Free bot slots over every live node that is not draining (capacity minus active bots). */
    long freeCapacity();

    /**
     * Routes {@code leave_call} to the node holding the bot: a command row it picks up within a second; {@code false}
     * when no node holds the bot.
     */
    boolean sendLeave(UUID botId);

    /** Takes (and deletes) the commands addressed to this node, oldest first. */
    List<UUID> takeLeaveCommands();

    /** Removes this node's row at the end of a drain (its bots were handed back). */
    void leave();
}
