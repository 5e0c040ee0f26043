package dev.signet.platform.bot;

import dev.signet.platform.db.SqlTime;
import dev.signet.platform.db.TimeOrderedIds;
import dev.signet.platform.http.ApiException;
import dev.signet.platform.runtime.BotControl;
import dev.signet.platform.runtime.BotStatus;
import dev.signet.platform.runtime.Participant;
import dev.signet.platform.runtime.StatusChange;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The bot API's operations on decoded requests: each writes in one transaction, then tells the runtime. */
final class BotService {
    private final Jdbi jdbi;
    private final BotRepository bots;
    private final BotHistoryRepository history;
    private final BotInserts inserts;
    private final BotControl control;
    private final Clock clock;
    private final TimeOrderedIds ids;

    BotService(
            Jdbi jdbi,
            BotRepository bots,
            BotHistoryRepository history,
            BotInserts inserts,
            BotControl control,
            Clock clock,
            TimeOrderedIds ids) {
        this.jdbi = jdbi;
        this.bots = bots;
        this.history = history;
        this.inserts = inserts;
        this.control = control;
        this.clock = clock;
        this.ids = ids;
    }

    BotView create(CreateBotRequest request) {
        UUID id = ids.uuid(); // time-ordered: a burst of new bots shares index pages
        Instant now = clock.instant();
        StatusChange ready = new StatusChange(BotStatus.READY, null, null, SqlTime.truncate(now));
        inserts.insert(
                new BotInserts.NewBot(bots.newRow(id, request, now), ready)); // committed with those waiting beside it
        control.wake();
        // The new bot is exactly what was written: no need to read it back.
        Bot bot = new Bot(
                id,
                request.botName(),
                request.meeting().meetingId(),
                request.meeting().password(),
                request.joinAt() == null ? null : SqlTime.truncate(request.joinAt()),
                request.metadata(),
                request.automaticLeave(),
                request.zoom().redacted(),
                BotStatus.READY,
                false,
                ready.createdAt(),
                ready.createdAt());
        return BotView.of(bot, List.of(ready), List.of());
    }

    BotView get(UUID id) {
        return jdbi.withHandle(h -> view(h, id));
    }

    BotPage list(BotQuery query) {
        return jdbi.withHandle(h -> {
            List<Bot> rows = new ArrayList<>(bots.list(h, query));
            PageCursor cursor = query.cursor();
            boolean backward = cursor != null && !cursor.forward();
            boolean more = rows.size() > query.pageSize();
            if (more) {
                // The extra row lies beyond the page: after it going forward, before it going backward.
                rows.remove(backward ? 0 : rows.size() - 1);
            }
            PageCursor next = null;
            PageCursor previous = null;
            if (!rows.isEmpty()) {
                Bot first = rows.getFirst();
                Bot last = rows.getLast();
                if (backward || more) {
                    next = new PageCursor(true, last.createdAt(), last.id());
                }
                if (backward ? more : cursor != null) {
                    previous = new PageCursor(false, first.createdAt(), first.id());
                }
            }
            List<UUID> ids = rows.stream().map(Bot::id).toList();
            Map<UUID, List<StatusChange>> changes = history.statusChanges(h, ids);
            Map<UUID, List<Participant>> participants = history.participants(h, ids);
            List<BotView> views = rows.stream()
                    .map(b -> BotView.of(
                            b, changes.getOrDefault(b.id(), List.of()), participants.getOrDefault(b.id(), List.of())))
                    .toList();
            return new BotPage(views, next, previous);
        });
    }

    BotView update(UUID id, UpdateBotRequest request) {
        BotView view = jdbi.inTransaction(h -> {
            Bot bot = bots.find(h, id).orElseThrow(BotService::notFound);
            if (!bot.scheduled()) {
                throw updateFailed();
            }
            if (!request.isEmpty() && !bots.update(h, id, request, clock.instant())) {
                throw updateFailed();
            }
            return view(h, id);
        });
        control.wake();
        return view;
    }

    void delete(UUID id) {
        jdbi.useTransaction(h -> {
            Bot bot = bots.find(h, id).orElseThrow(BotService::notFound);
            if (!bot.scheduled() || !bots.deleteScheduled(h, id)) {
                throw new ApiException(
                        405, "method_not_allowed", "Only a scheduled bot that has not started can be deleted.");
            }
        });
    }

    BotView leave(UUID id) {
        get(id);
        if (!control.leave(id)) {
            throw new ApiException(400, "bot_not_in_call", "The bot is not in a call or on its way into one.");
        }
        return get(id);
    }

    private BotView view(Handle h, UUID id) {
        Bot bot = bots.find(h, id).orElseThrow(BotService::notFound);
        return BotView.of(
                bot,
                history.statusChanges(h, List.of(id)).getOrDefault(id, List.of()),
                history.participants(h, List.of(id)).getOrDefault(id, List.of()));
    }

    private static ApiException notFound() {
        return ApiException.notFound("No bot with this id.");
    }

    private static ApiException updateFailed() {
        return new ApiException(
                400, "update_bot_failed", "A bot can be updated only before it is dispatched to its meeting.");
    }
}
