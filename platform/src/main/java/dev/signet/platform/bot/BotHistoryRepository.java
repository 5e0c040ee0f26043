package dev.signet.platform.bot;

import dev.signet.platform.db.SqlTime;
import dev.signet.platform.runtime.Participant;
import dev.signet.platform.runtime.RosterChange;
import dev.signet.platform.runtime.StatusChange;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;

/** The {@code bot_status_changes} and {@code bot_participants} tables. */
final class BotHistoryRepository {
    private static final String INSERT_PARTICIPANT = """
            INSERT INTO bot_participants (bot_id, seq_no, participant_id, display_name, email, avatar_url,
                signed_in, is_host)
            VALUES (:bot_id, :seq_no, :participant_id, :display_name, :email, :avatar_url, :signed_in, :is_host)
            """;

    /** One bot's status changes, oldest first. */
    static final String STATUS_CHANGES_OF_BOT = "SELECT * FROM bot_status_changes WHERE bot_id = :bot_id ORDER BY id";

    /** One bot's participants, in order. */
    static final String PARTICIPANTS_OF_BOT = "SELECT * FROM bot_participants WHERE bot_id = :bot_id ORDER BY seq_no";

    /** One bot's participant list removed, before its replacement goes in. */
    static final String DELETE_PARTICIPANTS = "DELETE FROM bot_participants WHERE bot_id = :bot_id";

    void appendStatus(Handle h, UUID botId, StatusChange change) {
        appendStatuses(h, List.of(Map.entry(botId, change)));
    }

    /** Appends each bot's status change, in order, in one batched statement. */
    void appendStatuses(Handle h, List<Map.Entry<UUID, StatusChange>> changes) {
        if (changes.isEmpty()) {
            return;
        }
        PreparedBatch batch = h.prepareBatch("""
                INSERT INTO bot_status_changes (bot_id, code, sub_code, message, created_at)
                VALUES (:bot_id, :code, :sub_code, :message, :created_at)
                """);
        for (Map.Entry<UUID, StatusChange> entry : changes) {
            StatusChange change = entry.getValue();
            batch.bind("bot_id", entry.getKey())
                    .bind("code", change.code())
                    .bind("sub_code", change.subCode())
                    .bind("message", change.message())
                    .bind("created_at", SqlTime.bind(change.createdAt()))
                    .add();
        }
        batch.execute();
    }

    /**
     * Each bot's status changes in the order they happened, read bot by bot. Not one query with an {@code IN} list:
     * before a table has statistics, PostgreSQL prices an {@code IN} list of a page of bots as most of the table and
     * scans all of it, seconds a page once the history is large (decision 0011, fifth update). One indexed read per bot
     * costs a round trip each.
     */
    Map<UUID, List<StatusChange>> statusChanges(Handle h, Collection<UUID> botIds) {
        return perBot(
                h,
                STATUS_CHANGES_OF_BOT,
                botIds,
                (rs, ctx) -> new StatusChange(
                        rs.getString("code"),
                        rs.getString("sub_code"),
                        rs.getString("message"),
                        SqlTime.require(rs, "created_at")));
    }

    /** Runs {@code sql} (one {@code :bot_id}) for each bot; bots without rows are left out. */
    private static <T> Map<UUID, List<T>> perBot(Handle h, String sql, Collection<UUID> botIds, RowMapper<T> mapper) {
        Map<UUID, List<T>> out = new HashMap<>();
        for (UUID botId : botIds) {
            List<T> rows = h.createQuery(sql).bind("bot_id", botId).map(mapper).list();
            if (!rows.isEmpty()) {
                out.put(botId, rows);
            }
        }
        return out;
    }

    /**
     * Replaces each bot's participant list: a batched DELETE by bot and one batched INSERT for all of them. A DELETE per
     * bot, not one with an IN list: without statistics yet (a table that has just grown), PostgreSQL prices an IN list
     * of hundreds of bots as most of the table and scans all of it (decision 0011, fourth update of 2026-12-04).
     */
    void replaceParticipants(Handle h, Map<UUID, List<Participant>> rosters) {
        if (rosters.isEmpty()) {
            return;
        }
        PreparedBatch deletes = h.prepareBatch(DELETE_PARTICIPANTS);
        rosters.keySet().forEach(botId -> deletes.bind("bot_id", botId).add());
        deletes.execute();
        PreparedBatch batch = h.prepareBatch(INSERT_PARTICIPANT);
        rosters.forEach((botId, participants) -> {
            for (int i = 0; i < participants.size(); i++) {
                bindParticipant(batch, botId, i, participants.get(i)).add();
            }
        });
        if (batch.size() > 0) {
            batch.execute();
        }
    }

    /**
     * Applies what changed in each bot's participant list since its last write: new participants are inserted at their
     * positions, changed ones updated in place.
     */
    void changeParticipants(Handle h, Map<UUID, RosterChange> changes) {
        PreparedBatch inserts = h.prepareBatch(INSERT_PARTICIPANT);
        PreparedBatch updates = h.prepareBatch("""
                UPDATE bot_participants SET participant_id = :participant_id, display_name = :display_name,
                    email = :email, avatar_url = :avatar_url, signed_in = :signed_in, is_host = :is_host
                WHERE bot_id = :bot_id AND seq_no = :seq_no
                """);
        changes.forEach((botId, change) -> {
            for (int i = 0; i < change.appended().size(); i++) {
                bindParticipant(
                                inserts,
                                botId,
                                change.from() + i,
                                change.appended().get(i))
                        .add();
            }
            change.updated()
                    .forEach((position, p) ->
                            bindParticipant(updates, botId, position, p).add());
        });
        if (inserts.size() > 0) {
            inserts.execute();
        }
        if (updates.size() > 0) {
            updates.execute();
        }
    }

    private static PreparedBatch bindParticipant(PreparedBatch batch, UUID botId, int seqNo, Participant p) {
        return batch.bind("bot_id", botId)
                .bind("seq_no", seqNo)
                .bind("participant_id", p.id())
                .bind("display_name", p.displayName())
                .bind("email", p.email())
                .bind("avatar_url", p.avatarUrl())
                .bind("signed_in", p.signedIn())
                .bind("is_host", p.host());
    }

    /** Each bot's participants in order, read bot by bot (see {@link #statusChanges}). */
    Map<UUID, List<Participant>> participants(Handle h, Collection<UUID> botIds) {
        return perBot(
                h,
                PARTICIPANTS_OF_BOT,
                botIds,
                (rs, ctx) -> new Participant(
                        rs.getString("participant_id"),
                        rs.getString("display_name"),
                        rs.getString("email"),
                        rs.getString("avatar_url"),
                        rs.getBoolean("signed_in"),
                        rs.getBoolean("is_host")));
    }
}
