package dev.signet.platform.bot;

import dev.signet.platform.runtime.BotStatus;
import dev.signet.platform.runtime.BotStore;
import dev.signet.platform.runtime.Claimed;
import dev.signet.platform.runtime.Participant;
import dev.signet.platform.runtime.RosterChange;
import dev.signet.platform.runtime.StatusChange;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * The runtime's {@link BotStore} for one node over the platform database. Claims go straight to the database;
 * status changes (each with its webhooks, in one transaction) and participant lists go through the
 * {@link StatusWriter}, fenced by the node's hold on each bot.
 */
final class JdbcBotStore implements BotStore {
    /** Shown in the bot's history while every node is full. */
    static final String WAITING_FOR_CAPACITY = "waiting_for_capacity";

    private final Jdbi jdbi;
    private final String node;
    private final BotRepository bots;
    private final BotHistoryRepository history;
    private final StatusWriter writer;

    JdbcBotStore(Jdbi jdbi, String node, BotRepository bots, BotHistoryRepository history, StatusWriter writer) {
        this.jdbi = jdbi;
        this.node = node;
        this.bots = bots;
        this.history = history;
        this.writer = writer;
    }

    @Override
    public List<Claimed> claim(Instant now, int limit) {
        return jdbi.inTransaction(h -> bots.claim(h, node, now, limit));
    }

    @Override
    public List<Claimed> held() {
        return jdbi.withHandle(h -> bots.held(h, node));
    }

    @Override
    public int markWaitingForCapacity(Instant now, int limit) {
        return jdbi.inTransaction(h -> {
            List<UUID> due = bots.dueUnmarked(h, now, limit);
            if (!due.isEmpty()) {
                bots.markCapacityWait(h, due);
                StatusChange waiting = new StatusChange(
                        BotStatus.READY,
                        WAITING_FOR_CAPACITY,
                        "Every platform node is running as many bots as it may; the bot joins when one has room.",
                        now);
                for (UUID id : due) {
                    history.appendStatus(h, id, waiting); // 'ready' is recorded, never sent as a webhook
                }
            }
            return due.size();
        });
    }

    @Override
    public Optional<Instant> nextJoinAt(Instant now) {
        return jdbi.withHandle(h -> bots.nextJoinAt(h, now));
    }

    @Override
    public void release(Collection<UUID> botIds) {
        jdbi.useTransaction(h -> bots.release(h, node, botIds));
    }

    @Override
    public void transition(UUID botId, StatusChange change) {
        writer.transition(botId, change);
    }

    @Override
    public void participants(UUID botId, List<Participant> participants) {
        writer.participants(botId, participants);
    }

    @Override
    public void participantsChanged(UUID botId, RosterChange change) {
        if (!change.isEmpty()) {
            writer.participantsChanged(botId, change);
        }
    }
}
