package dev.signet.platform.runtime;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The runtime's view of bot persistence; the platform implements it over its database. */
public interface BotStore {
    /** Bots in status {@code ready}, not yet dispatched, whose {@code join_at} is null or at or before {@code now}. */
    List<RunnableBot> due(Instant now, int limit);

    /** Bots that were dispatched but are in no final status ({@code done}, {@code fatal}): restart recovery. */
    List<RunnableBot> unfinished();

    /** Claims a due bot for this runtime; {@code false} if it was already claimed (or deleted). */
    boolean markDispatched(UUID botId);

    /** Appends a status change and queues its webhook, in one transaction (persisted before the webhook). */
    void transition(UUID botId, StatusChange change);

    /** Replaces the participants the bot has seen in its meeting. */
    void participants(UUID botId, List<Participant> participants);
}
