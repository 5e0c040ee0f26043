package dev.signet.platform.runtime;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The runtime's view of bot persistence for one node; the platform implements it over its database. Every bot is held
 * by at most one node ({@code owner_node}); writes for a bot this node no longer holds fail with
 * {@link LeaseLostException} and change nothing.
 */
public interface BotStore {
    /**
     * Claims and reads, in one step, up to {@code limit} bots for this node, oldest {@code join_at} first: bots handed
     * back or released by another node (dispatched, not final, held by no node) and due bots ({@code ready}, never
     * dispatched, {@code join_at} null or at or before {@code now}). Bots claimed by another node at the same
     * instant are skipped, never waited for or claimed twice.
     */
    List<Claimed> claim(Instant now, int limit);

    /**
     * Every unfinished bot this node holds, read as handed over. A claim whose commit the node saw fail may still
     * have committed (the connection broke after the database committed); the runtime then starts the bots it holds
     * but does not run, which no other node would ever take while this node's lease is alive.
     */
    List<Claimed> held();

    /**
     * Records {@code ready} / {@code waiting_for_capacity} (no webhook) for due bots no node can take, once per bot;
     * returns how many were marked.
     */
    int markWaitingForCapacity(Instant now, int limit);

    /** The earliest {@code join_at} after {@code now} of a bot not dispatched yet, if any. */
    Optional<Instant> nextJoinAt(Instant now);

    /** Hands bots this node holds back to the cluster (drain); any node may claim them again. */
    void release(Collection<UUID> botIds);

    /** Appends a status change and queues its webhook, in one transaction (persisted before the webhook). */
    void transition(UUID botId, StatusChange change);

    /** Replaces the participants the bot has seen in its meeting (a runner's first write of the list). */
    void participants(UUID botId, List<Participant> participants);

    /**
     * Applies what changed in the bot's participant list since this runner's last {@link #participants} or
     * {@code participantsChanged} write, which must have completed.
     */
    void participantsChanged(UUID botId, RosterChange change);
}
