package dev.signet.platform.bot;

import dev.signet.platform.runtime.BotStore;
import dev.signet.platform.runtime.Participant;
import dev.signet.platform.runtime.RunnableBot;
import dev.signet.platform.runtime.StatusChange;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * The runtime's {@link BotStore} over the platform database. Reads and claims go straight to the database; status
 * changes (each with its webhooks, in one transaction) and participant lists go through the {@link StatusWriter}.
 */
final class JdbcBotStore implements BotStore {
    private final Jdbi jdbi;
    private final BotRepository bots;
    private final StatusWriter writer;

    JdbcBotStore(Jdbi jdbi, BotRepository bots, StatusWriter writer) {
        this.jdbi = jdbi;
        this.bots = bots;
        this.writer = writer;
    }

    @Override
    public List<RunnableBot> due(Instant now, int limit) {
        return jdbi.withHandle(h -> bots.due(h, now, limit));
    }

    @Override
    public List<RunnableBot> unfinished() {
        return jdbi.withHandle(bots::unfinished);
    }

    @Override
    public boolean markDispatched(UUID botId) {
        return jdbi.withHandle(h -> bots.markDispatched(h, botId));
    }

    @Override
    public void transition(UUID botId, StatusChange change) {
        writer.transition(botId, change);
    }

    @Override
    public void participants(UUID botId, List<Participant> participants) {
        writer.participants(botId, participants);
    }
}
