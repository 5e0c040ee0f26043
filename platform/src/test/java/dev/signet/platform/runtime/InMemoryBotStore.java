package dev.signet.platform.runtime;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/** A {@link BotStore} in memory, recording every status change. */
final class InMemoryBotStore implements BotStore {
    private static final class Row {
        final RunnableBot bot;
        boolean dispatched;
        boolean held;
        boolean capacityWait;
        final List<StatusChange> changes = new ArrayList<>();
        List<Participant> participants = List.of();
        int participantWrites;
        int participantChanges;

        Row(RunnableBot bot, boolean dispatched) {
            this.bot = bot;
            this.dispatched = dispatched;
        }
    }

    private final Map<UUID, Row> rows = new LinkedHashMap<>();

    /** Adds a bot in {@code status} ({@code ready} for a new one; dispatched unless ready). */
    synchronized void add(RunnableBot bot, Instant at) {
        Row row = new Row(bot, !bot.currentStatus().equals(BotStatus.READY));
        row.changes.add(new StatusChange(bot.currentStatus(), null, null, at));
        rows.put(bot.id(), row);
    }

    private boolean commitThenFailNextClaim;

    /** The next claim that claims a bot commits and then fails, as a claim whose connection broke after the commit. */
    synchronized void commitThenFailNextClaim() {
        commitThenFailNextClaim = true;
    }

    @Override
    public synchronized List<Claimed> claim(Instant now, int limit) {
        List<Claimed> claimed = claimRows(now, limit);
        if (commitThenFailNextClaim && !claimed.isEmpty()) {
            commitThenFailNextClaim = false;
            throw new IllegalStateException("Failed to commit transaction (the connection broke after the commit)");
        }
        return claimed;
    }

    private List<Claimed> claimRows(Instant now, int limit) {
        List<Claimed> claimed = new ArrayList<>();
        for (Row row : rows.values()) {
            if (claimed.size() >= limit) {
                break;
            }
            if (row.held) {
                continue;
            }
            boolean handedOver = row.dispatched && !BotStatus.isFinal(status(row));
            boolean due = !row.dispatched
                    && status(row).equals(BotStatus.READY)
                    && (row.bot.joinAt() == null || !row.bot.joinAt().isAfter(now));
            if (handedOver || due) {
                row.dispatched = true;
                row.held = true;
                claimed.add(new Claimed.Bot(current(row), handedOver));
            }
        }
        return claimed;
    }

    @Override
    public synchronized List<Claimed> held() {
        List<Claimed> held = new ArrayList<>();
        for (Row row : rows.values()) {
            if (row.held && !BotStatus.isFinal(status(row))) {
                held.add(new Claimed.Bot(current(row), true));
            }
        }
        return held;
    }

    @Override
    public synchronized int markWaitingForCapacity(Instant now, int limit) {
        int marked = 0;
        for (Row row : rows.values()) {
            if (marked < limit
                    && !row.dispatched
                    && !row.capacityWait
                    && status(row).equals(BotStatus.READY)
                    && (row.bot.joinAt() == null || !row.bot.joinAt().isAfter(now))) {
                row.capacityWait = true;
                row.changes.add(new StatusChange(BotStatus.READY, "waiting_for_capacity", null, now));
                marked++;
            }
        }
        return marked;
    }

    @Override
    public synchronized Optional<Instant> nextJoinAt(Instant now) {
        return rows.values().stream()
                .filter(row -> !row.dispatched
                        && row.bot.joinAt() != null
                        && row.bot.joinAt().isAfter(now))
                .map(row -> row.bot.joinAt())
                .min(Instant::compareTo);
    }

    @Override
    public synchronized void release(Collection<UUID> botIds) {
        botIds.forEach(id -> row(id).held = false);
    }

    /** Hands every bot back (the node holding them drained or died). */
    synchronized void releaseAll() {
        rows.values().forEach(row -> row.held = false);
    }

    private volatile Consumer<StatusChange> onWrite = change -> {};

    /** Runs {@code action} as each status change is written, e.g. to let time pass as a busy database would. */
    void onWrite(Consumer<StatusChange> action) {
        this.onWrite = action;
    }

    @Override
    public void transition(UUID botId, StatusChange change) {
        onWrite.accept(change);
        synchronized (this) {
            row(botId).changes.add(change);
        }
    }

    @Override
    public synchronized void participants(UUID botId, List<Participant> participants) {
        Row row = row(botId);
        row.participants = List.copyOf(participants);
        row.participantWrites++;
    }

    @Override
    public synchronized void participantsChanged(UUID botId, RosterChange change) {
        Row row = row(botId);
        if (change.from() != row.participants.size()) {
            throw new IllegalStateException("the change starts at " + change.from() + " but the store holds "
                    + row.participants.size() + " participants");
        }
        List<Participant> next = new ArrayList<>(row.participants);
        change.updated().forEach(next::set);
        next.addAll(change.appended());
        row.participants = List.copyOf(next);
        row.participantWrites++;
        row.participantChanges++;
    }

    /** The bot's status changes after its first, as {@code code} or {@code code/sub_code}. */
    synchronized List<String> statuses(UUID botId) {
        List<StatusChange> changes = row(botId).changes;
        return changes.subList(1, changes.size()).stream()
                .map(c -> c.subCode() == null ? c.code() : c.code() + "/" + c.subCode())
                .toList();
    }

    synchronized StatusChange last(UUID botId) {
        List<StatusChange> changes = row(botId).changes;
        return changes.getLast();
    }

    synchronized boolean isFinal(UUID botId) {
        return BotStatus.isFinal(last(botId).code());
    }

    synchronized boolean dispatched(UUID botId) {
        return row(botId).dispatched;
    }

    /** How many of the bot's participant writes held only what changed. */
    synchronized int participantChanges(UUID botId) {
        return row(botId).participantChanges;
    }

    synchronized int participantWrites(UUID botId) {
        return row(botId).participantWrites;
    }

    synchronized List<Participant> participantsOf(UUID botId) {
        return row(botId).participants;
    }

    private Row row(UUID botId) {
        Row row = rows.get(botId);
        if (row == null) {
            throw new IllegalArgumentException("no bot " + botId);
        }
        return row;
    }

    /** The bot as a database would return it: with its current status. */
    private static RunnableBot current(Row row) {
        RunnableBot b = row.bot;
        return new RunnableBot(
                b.id(),
                b.botName(),
                b.meetingNumber(),
                b.meetingPassword(),
                b.tk(),
                b.credentials(),
                b.automaticLeave(),
                b.joinAt(),
                status(row));
    }

    private static String status(Row row) {
        return row.changes.getLast().code();
    }
}
