package dev.signet.platform.bot;

import dev.signet.platform.runtime.BotStatus;
import dev.signet.platform.runtime.BotStore;
import dev.signet.platform.runtime.Participant;
import dev.signet.platform.runtime.RunnableBot;
import dev.signet.platform.runtime.StatusChange;
import dev.signet.platform.webhook.WebhookOutbox;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * The runtime's {@link BotStore} over the platform database. A status change and its webhooks are written in
 * one transaction; the delivery worker is woken once it has committed.
 */
final class JdbcBotStore implements BotStore {
    private final Jdbi jdbi;
    private final BotRepository bots;
    private final BotHistoryRepository history;
    private final WebhookOutbox outbox;

    JdbcBotStore(Jdbi jdbi, BotRepository bots, BotHistoryRepository history, WebhookOutbox outbox) {
        this.jdbi = jdbi;
        this.bots = bots;
        this.history = history;
        this.outbox = outbox;
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
        int queued = jdbi.inTransaction(h -> {
            Bot bot = bots.find(h, botId).orElseThrow(() -> new IllegalStateException("no bot " + botId));
            history.appendStatus(h, botId, change);
            bots.updateStatus(h, botId, change.code(), change.createdAt());
            if (change.code().equals(BotStatus.READY)) {
                return 0; // as at Recall, 'ready' is recorded but never sent
            }
            StatusWebhook webhook = StatusWebhook.of(botId, bot.metadata(), change);
            return outbox.enqueue(h, botId, webhook.event(), webhook);
        });
        if (queued > 0) {
            outbox.committed();
        }
    }

    @Override
    public void participants(UUID botId, List<Participant> participants) {
        jdbi.useTransaction(h -> history.replaceParticipants(h, botId, participants));
    }
}
