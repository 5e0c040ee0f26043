package dev.signet.platform.bot;

import dev.signet.platform.db.SqlTime;
import dev.signet.platform.runtime.BotStatus;
import dev.signet.platform.runtime.BotStore;
import dev.signet.platform.runtime.JoinCredentials;
import dev.signet.platform.runtime.Participant;
import dev.signet.platform.runtime.RunnableBot;
import dev.signet.platform.runtime.StatusChange;
import dev.signet.platform.webhook.WebhookOutbox;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * The runtime's {@link BotStore} over the platform database. A status change and its webhooks are written in
 * one transaction; the delivery worker is woken once it has committed.
 */
public final class JdbcBotStore implements BotStore {
    private final Jdbi jdbi;
    private final BotRepository bots;
    private final BotHistoryRepository history;
    private final BotSecrets secrets;
    private final WebhookOutbox outbox;
    private final Runnable afterEnqueue;

    JdbcBotStore(
            Jdbi jdbi,
            BotRepository bots,
            BotHistoryRepository history,
            BotSecrets secrets,
            WebhookOutbox outbox,
            Runnable afterEnqueue) {
        this.jdbi = jdbi;
        this.bots = bots;
        this.history = history;
        this.secrets = secrets;
        this.outbox = outbox;
        this.afterEnqueue = afterEnqueue;
    }

    @Override
    public List<RunnableBot> due(Instant now, int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT * FROM bots
                        WHERE status = :ready AND dispatched = FALSE AND (join_at IS NULL OR join_at <= :now)
                        ORDER BY join_at, created_at, id
                        LIMIT :limit
                        """)
                .bind("ready", BotStatus.READY)
                .bind("now", SqlTime.bind(now))
                .bind("limit", limit)
                .map((rs, ctx) -> runnable(rs))
                .list());
    }

    @Override
    public List<RunnableBot> unfinished() {
        // A bot claimed just before a crash is still 'ready' but dispatched: it is unfinished too.
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT * FROM bots
                        WHERE status NOT IN (:done, :fatal) AND (dispatched = TRUE OR status <> :ready)
                        ORDER BY created_at, id
                        """)
                .bind("done", BotStatus.DONE)
                .bind("fatal", BotStatus.FATAL)
                .bind("ready", BotStatus.READY)
                .map((rs, ctx) -> runnable(rs))
                .list());
    }

    @Override
    public boolean markDispatched(UUID botId) {
        return jdbi.withHandle(h -> h.createUpdate(
                                "UPDATE bots SET dispatched = TRUE WHERE id = :id AND dispatched = FALSE AND status = :ready")
                        .bind("id", botId)
                        .bind("ready", BotStatus.READY)
                        .execute())
                == 1;
    }

    @Override
    public void transition(UUID botId, StatusChange change) {
        int queued = jdbi.inTransaction(h -> {
            Map<String, String> metadata = bots.find(h, botId)
                    .orElseThrow(() -> new IllegalStateException("no bot " + botId))
                    .metadata();
            history.appendStatus(h, botId, change);
            h.createUpdate("UPDATE bots SET status = :status, updated_at = :now WHERE id = :id")
                    .bind("id", botId)
                    .bind("status", change.code())
                    .bind("now", SqlTime.bind(change.createdAt()))
                    .execute();
            // As at Recall, 'ready' is recorded but never sent.
            return change.code().equals(BotStatus.READY) ? 0 : outbox.enqueue(h, botId, metadata, change);
        });
        if (queued > 0) {
            afterEnqueue.run();
        }
    }

    @Override
    public void participants(UUID botId, List<Participant> participants) {
        jdbi.useTransaction(h -> history.replaceParticipants(h, botId, participants));
    }

    private RunnableBot runnable(ResultSet rs) throws SQLException {
        Bot bot = bots.bot(rs);
        var tk = secrets.open(rs.getString("meeting_tk"));
        return new RunnableBot(
                bot.id(),
                bot.botName(),
                bot.meetingId(),
                bot.meetingPassword(),
                tk == null ? null : tk.reveal(),
                new JoinCredentials(
                        secrets.open(rs.getString("zak_url")),
                        secrets.open(rs.getString("obf_token_url")),
                        secrets.open(rs.getString("join_token_url")),
                        bot.zoom().userEmail()),
                bot.automaticLeave(),
                bot.joinAt(),
                bot.status());
    }
}
