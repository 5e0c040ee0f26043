package dev.signet.platform.bot;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signet.platform.crypto.SealedColumns;
import dev.signet.platform.db.ClaimLocks;
import dev.signet.platform.db.SqlTime;
import dev.signet.platform.http.FieldErrors;
import dev.signet.platform.http.JsonCodec;
import dev.signet.platform.runtime.AutomaticLeave;
import dev.signet.platform.runtime.BotStatus;
import dev.signet.platform.runtime.Claimed;
import dev.signet.platform.runtime.JoinCredentials;
import dev.signet.platform.runtime.RunnableBot;
import dev.signet.platform.runtime.StatusChange;
import dev.signet.secrets.Secret;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.statement.DefinedAttributeTemplateEngine;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.TemplateEngine;
import org.jspecify.annotations.Nullable;

/**
 * The {@code bots} and {@code bot_metadata} tables: create, read, list, update and delete bots, and the runtime's
 * queries (due bots, unfinished bots, claims, status).
 */
final class BotRepository {
    /** Renders {@code bindList}'s {@code <ids>}; the platform's default engine is NOP (see {@code Database}). */
    private static final TemplateEngine IN_LIST = new DefinedAttributeTemplateEngine();

    /*
     * The fences below are written so that only the primary key can serve their WHERE. The driver prepares a statement
     * on a connection after five uses and PostgreSQL then keeps one generic plan; planned on a new or nearly empty
     * table, where every index costs the same, that plan reached the row through bots_owner_node and walked every bot
     * of the node for each update (decision 0011, fourth update of 2026-12-04). :node is never null, so COALESCE
     * changes no result; it only keeps the index out of the plan.
     */

    /** A status change, applied only while {@code :node} holds the bot. */
    static final String UPDATE_STATUS_IF_HELD =
            "UPDATE bots SET status = :status, updated_at = :now WHERE id = :id AND COALESCE(owner_node, '') = :node";

    /** Of the bots {@code <ids>}, those {@code :node} holds, locked. */
    static final String HELD_AMONG =
            "SELECT id FROM bots WHERE id IN (<ids>) AND COALESCE(owner_node, '') = :node FOR UPDATE";

    private final JsonCodec json;
    private final BotSecrets secrets;

    BotRepository(JsonCodec json, BotSecrets secrets) {
        this.json = json;
        this.secrets = secrets;
    }

    /**
     * A new bot's row as it is written: its credentials sealed and its JSON columns encoded, by the thread of the request
     * that creates it, so the one thread that writes creations in batches ({@link BotInserts}) only binds them.
     */
    record NewRow(
            UUID id,
            CreateBotRequest request,
            String metadata,
            String automaticLeave,
            String zoom,
            @Nullable String meetingTk,
            @Nullable String zakUrl,
            @Nullable String obfTokenUrl,
            @Nullable String joinTokenUrl,
            Instant createdAt) {}

    /** Seals and encodes a new bot's columns. */
    NewRow newRow(UUID id, CreateBotRequest request, Instant createdAt) {
        return new NewRow(
                id,
                request,
                json.write(request.metadata()),
                json.write(AutomaticLeaveJson.toJson(request.automaticLeave())),
                json.write(request.zoom().redacted()),
                secrets.sealTk(request.meeting().tk(), id),
                secrets.seal(request.zoom().zakUrl(), SealedColumns.BOT_ZAK_URL, id),
                secrets.seal(request.zoom().obfTokenUrl(), SealedColumns.BOT_OBF_TOKEN_URL, id),
                secrets.seal(request.zoom().joinTokenUrl(), SealedColumns.BOT_JOIN_TOKEN_URL, id),
                createdAt);
    }

    /** Inserts new bots, {@code ready} and not dispatched, with their metadata rows, as batched statements. */
    void insertAll(Handle h, List<NewRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        PreparedBatch insert = h.prepareBatch("""
                INSERT INTO bots (id, bot_name, meeting_id, meeting_password, meeting_tk, join_at, metadata,
                    automatic_leave, zoom, zak_url, obf_token_url, join_token_url, status, dispatched,
                    created_at, updated_at)
                VALUES (:id, :bot_name, :meeting_id, :meeting_password, :meeting_tk, :join_at, :metadata,
                    :automatic_leave, :zoom, :zak_url, :obf_token_url, :join_token_url, :status, FALSE,
                    :now, :now)
                """);
        PreparedBatch metadata =
                h.prepareBatch("INSERT INTO bot_metadata (bot_id, meta_key, meta_value) VALUES (:id, :k, :v)");
        boolean anyMetadata = false;
        for (NewRow row : rows) {
            UUID id = row.id();
            CreateBotRequest request = row.request();
            insert.bind("id", id)
                    .bind("bot_name", request.botName())
                    .bind("meeting_id", request.meeting().meetingId())
                    .bind("meeting_password", request.meeting().password())
                    .bind("meeting_tk", row.meetingTk())
                    .bind("join_at", SqlTime.bind(request.joinAt()))
                    .bind("metadata", row.metadata())
                    .bind("automatic_leave", row.automaticLeave())
                    .bind("zoom", row.zoom())
                    .bind("zak_url", row.zakUrl())
                    .bind("obf_token_url", row.obfTokenUrl())
                    .bind("join_token_url", row.joinTokenUrl())
                    .bind("status", BotStatus.READY)
                    .bind("now", SqlTime.bind(row.createdAt()))
                    .add();
            for (Map.Entry<String, String> entry : request.metadata().entrySet()) {
                metadata.bind("id", id)
                        .bind("k", entry.getKey())
                        .bind("v", entry.getValue())
                        .add();
                anyMetadata = true;
            }
        }
        insert.execute();
        if (anyMetadata) {
            metadata.execute();
        }
    }

    private static void insertMetadata(Handle h, UUID id, Map<String, String> metadata) {
        if (metadata.isEmpty()) {
            return;
        }
        var batch = h.prepareBatch("INSERT INTO bot_metadata (bot_id, meta_key, meta_value) VALUES (:id, :k, :v)");
        metadata.forEach(
                (k, v) -> batch.bind("id", id).bind("k", k).bind("v", v).add());
        batch.execute();
    }

    Optional<Bot> find(Handle h, UUID id) {
        return h.createQuery("SELECT * FROM bots WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> bot(rs))
                .findOne();
    }

    /**
     * One page of bots newest first, fetching one extra row so the caller knows whether another page follows.
     * A backward page comes back in display order too.
     */
    List<Bot> list(Handle h, BotQuery q) {
        StringBuilder sql = new StringBuilder("SELECT * FROM bots b WHERE 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (q.joinAtAfter() != null) {
            sql.append(" AND b.join_at > :join_at_after");
            params.put("join_at_after", SqlTime.bind(q.joinAtAfter()));
        }
        if (q.joinAtBefore() != null) {
            sql.append(" AND b.join_at < :join_at_before");
            params.put("join_at_before", SqlTime.bind(q.joinAtBefore()));
        }
        if (!q.statuses().isEmpty()) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < q.statuses().size(); i++) {
                names.add(":s" + i);
                params.put("s" + i, q.statuses().get(i));
            }
            sql.append(" AND b.status IN (").append(String.join(", ", names)).append(')');
        }
        if (q.meetingId() != null) {
            sql.append(" AND b.meeting_id = :meeting_id");
            params.put("meeting_id", q.meetingId());
        }
        int m = 0;
        for (var entry : q.metadata().entrySet()) {
            sql.append(" AND EXISTS (SELECT 1 FROM bot_metadata m WHERE m.bot_id = b.id AND m.meta_key = :mk")
                    .append(m)
                    .append(" AND m.meta_value = :mv")
                    .append(m)
                    .append(')');
            params.put("mk" + m, entry.getKey());
            params.put("mv" + m, entry.getValue());
            m++;
        }
        PageCursor cursor = q.cursor();
        boolean backward = cursor != null && !cursor.forward();
        if (cursor != null) {
            String op = backward ? ">" : "<";
            sql.append(" AND (b.created_at ")
                    .append(op)
                    .append(" :c_at OR (b.created_at = :c_at AND b.id ")
                    .append(op)
                    .append(" :c_id))");
            params.put("c_at", SqlTime.bind(cursor.createdAt()));
            params.put("c_id", cursor.id());
        }
        String dir = backward ? "ASC" : "DESC";
        sql.append(" ORDER BY b.created_at ").append(dir).append(", b.id ").append(dir);
        sql.append(" LIMIT ").append(q.pageSize() + 1);
        Query query = h.createQuery(sql.toString());
        params.forEach(query::bind);
        List<Bot> rows = new ArrayList<>(query.map((rs, ctx) -> bot(rs)).list());
        if (backward) {
            java.util.Collections.reverse(rows);
        }
        return rows;
    }

    /** Applies an update to a bot that is still scheduled; {@code false} when it is not (any more). */
    boolean update(Handle h, UUID id, UpdateBotRequest request, Instant now) {
        Map<String, Object> sets = new LinkedHashMap<>();
        if (request.botName() != null) {
            sets.put("bot_name", request.botName());
        }
        if (request.meeting() != null) {
            sets.put("meeting_id", request.meeting().meetingId());
            sets.put("meeting_password", nullable(request.meeting().password()));
            sets.put("meeting_tk", nullable(secrets.sealTk(request.meeting().tk(), id)));
        }
        if (request.joinAtGiven()) {
            sets.put("join_at", SqlTime.bind(request.joinAt()));
        }
        if (request.metadata() != null) {
            sets.put("metadata", json.write(request.metadata()));
        }
        if (request.automaticLeave() != null) {
            sets.put("automatic_leave", json.write(AutomaticLeaveJson.toJson(request.automaticLeave())));
        }
        ZoomCredentials zoom = request.zoom();
        if (zoom != null) {
            sets.put("zoom", json.write(zoom.redacted()));
            sets.put("zak_url", nullable(secrets.seal(zoom.zakUrl(), SealedColumns.BOT_ZAK_URL, id)));
            sets.put("obf_token_url", nullable(secrets.seal(zoom.obfTokenUrl(), SealedColumns.BOT_OBF_TOKEN_URL, id)));
            sets.put(
                    "join_token_url",
                    nullable(secrets.seal(zoom.joinTokenUrl(), SealedColumns.BOT_JOIN_TOKEN_URL, id)));
        }
        sets.put("updated_at", SqlTime.bind(now));
        StringBuilder sql = new StringBuilder("UPDATE bots SET ");
        sql.append(String.join(
                ", ", sets.keySet().stream().map(c -> c + " = :" + c).toList()));
        sql.append(" WHERE id = :id AND dispatched = FALSE AND status = :ready");
        var update = h.createUpdate(sql.toString()).bind("id", id).bind("ready", BotStatus.READY);
        sets.forEach(update::bind);
        if (update.execute() == 0) {
            return false;
        }
        if (request.metadata() != null) {
            h.createUpdate("DELETE FROM bot_metadata WHERE bot_id = :id")
                    .bind("id", id)
                    .execute();
            insertMetadata(h, id, request.metadata());
        }
        return true;
    }

    /** A nullable text column value; a plain {@code null} in a parameter map would bind without a type. */
    private static Argument nullable(@Nullable String value) {
        if (value == null) {
            return (position, statement, context) -> statement.setNull(position, Types.VARCHAR);
        }
        return (position, statement, context) -> statement.setString(position, value);
    }

    /** Deletes a bot that is still scheduled; {@code false} when it is not. Cascades to its history. */
    boolean deleteScheduled(Handle h, UUID id) {
        return h.createUpdate("DELETE FROM bots WHERE id = :id AND dispatched = FALSE AND status = :ready")
                        .bind("id", id)
                        .bind("ready", BotStatus.READY)
                        .execute()
                > 0;
    }

    /**
     * Claims and reads up to {@code limit} bots for {@code node} in one step (decision 0023): first bots dispatched
     * before and held by no node (handed back, or released from an expired node), then due bots, oldest
     * {@code join_at} first. Call in a transaction.
     *
     * <p>Two steps: pick the ids, then lock and read those rows, still claimable, and take them. On PostgreSQL the
     * pick already locks ({@code SKIP LOCKED}), so concurrent nodes never claim one bot twice nor wait for each other.
     * On H2 the pick takes no lock ({@link ClaimLocks}: H2 would lock every due row), and the second step locks only
     * the picked rows and re-reads them, so a bot an API call changed or deleted meanwhile is claimed as it is now, or
     * not at all.
     */
    List<Claimed> claim(Handle h, String node, Instant now, int limit) {
        List<UUID> picked = new ArrayList<>(h.createQuery("""
                        SELECT id FROM bots
                        WHERE owner_node IS NULL AND dispatched = TRUE AND status NOT IN (:done, :fatal)
                        ORDER BY created_at, id
                        LIMIT :limit
                        """ + ClaimLocks.skipLocked(h))
                .bind("done", BotStatus.DONE)
                .bind("fatal", BotStatus.FATAL)
                .bind("limit", limit)
                .mapTo(UUID.class)
                .list());
        if (picked.size() < limit) {
            picked.addAll(h.createQuery("""
                            SELECT id FROM bots
                            WHERE owner_node IS NULL AND dispatched = FALSE AND status = :ready
                                AND (join_at IS NULL OR join_at <= :now)
                            ORDER BY COALESCE(join_at, created_at), id
                            LIMIT :limit
                            """ + ClaimLocks.skipLocked(h))
                    .bind("ready", BotStatus.READY)
                    .bind("now", SqlTime.bind(now))
                    .bind("limit", limit - picked.size())
                    .mapTo(UUID.class)
                    .list());
        }
        if (picked.isEmpty()) {
            return List.of();
        }
        // Only the primary key in the WHERE, so no plan can walk another index; whether each row is still claimable
        // is checked here, on the row as locked.
        Map<UUID, Claimed> locked = new HashMap<>();
        h.createQuery("SELECT * FROM bots WHERE id IN (<ids>) FOR UPDATE")
                .setTemplateEngine(IN_LIST)
                .bindList("ids", picked)
                .map((rs, ctx) -> claimable(rs, now) ? claimed(rs, rs.getBoolean("dispatched")) : null)
                .forEach(c -> {
                    if (c != null) {
                        locked.put(c.id(), c);
                    }
                });
        List<Claimed> claimed =
                picked.stream().map(locked::get).filter(Objects::nonNull).toList();
        if (!claimed.isEmpty()) {
            var batch = h.prepareBatch("UPDATE bots SET owner_node = :node, dispatched = TRUE WHERE id = :id");
            claimed.forEach(c -> batch.bind("node", node).bind("id", c.id()).add());
            batch.execute();
        }
        return claimed;
    }

    /**
     * Records {@code batchId} as the last batch of bot writes that lane {@code lane} of {@code node}'s writer committed
     * (in its transaction).
     */
    void markWriteBatch(Handle h, String node, int lane, String batchId) {
        int updated = h.createUpdate(
                        "UPDATE bot_write_lane_marks SET batch_id = :batch WHERE node = :node AND lane = :lane")
                .bind("node", node)
                .bind("lane", lane)
                .bind("batch", batchId)
                .execute();
        if (updated == 0) {
            h.createUpdate("INSERT INTO bot_write_lane_marks (node, lane, batch_id) VALUES (:node, :lane, :batch)")
                    .bind("node", node)
                    .bind("lane", lane)
                    .bind("batch", batchId)
                    .execute();
        }
    }

    /** The last batch of bot writes lane {@code lane} of {@code node}'s writer committed, if any. */
    Optional<String> lastWriteBatch(Handle h, String node, int lane) {
        return h.createQuery("SELECT batch_id FROM bot_write_lane_marks WHERE node = :node AND lane = :lane")
                .bind("node", node)
                .bind("lane", lane)
                .mapTo(String.class)
                .findOne();
    }

    /** Every unfinished bot {@code node} holds, read as handed over. */
    List<Claimed> held(Handle h, String node) {
        return h.createQuery("SELECT * FROM bots WHERE owner_node = :node AND status NOT IN (:done, :fatal)"
                        + " ORDER BY created_at, id")
                .bind("node", node)
                .bind("done", BotStatus.DONE)
                .bind("fatal", BotStatus.FATAL)
                .map((rs, ctx) -> claimed(rs, true))
                .list();
    }

    /** Whether a locked row may still be claimed: held by no node, not finished, and handed over or due. */
    private static boolean claimable(ResultSet rs, Instant now) throws SQLException {
        String status = rs.getString("status");
        if (rs.getString("owner_node") != null || BotStatus.DONE.equals(status) || BotStatus.FATAL.equals(status)) {
            return false;
        }
        if (rs.getBoolean("dispatched")) {
            return true;
        }
        Instant joinAt = SqlTime.read(rs, "join_at");
        return BotStatus.READY.equals(status) && (joinAt == null || !joinAt.isAfter(now));
    }

    private Claimed claimed(ResultSet rs, boolean handedOver) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        try {
            return new Claimed.Bot(runnable(rs), handedOver);
        } catch (RuntimeException e) {
            // A replaced key or a corrupt value: this bot ends fatal, the others go on.
            return new Claimed.Unreadable(id, e.getClass().getSimpleName());
        }
    }

    /** Due bots not dispatched and not yet marked waiting for capacity, locked for marking. Call in a transaction. */
    List<UUID> dueUnmarked(Handle h, Instant now, int limit) {
        return h.createQuery("""
                        SELECT id FROM bots
                        WHERE owner_node IS NULL AND dispatched = FALSE AND status = :ready AND capacity_wait = FALSE
                            AND (join_at IS NULL OR join_at <= :now)
                        ORDER BY COALESCE(join_at, created_at), id
                        LIMIT :limit
                        """ + ClaimLocks.skipLocked(h))
                .bind("ready", BotStatus.READY)
                .bind("now", SqlTime.bind(now))
                .bind("limit", limit)
                .mapTo(UUID.class)
                .list();
    }

    void markCapacityWait(Handle h, List<UUID> ids) {
        var batch = h.prepareBatch("UPDATE bots SET capacity_wait = TRUE WHERE id = :id");
        ids.forEach(id -> batch.bind("id", id).add());
        batch.execute();
    }

    /** The earliest {@code join_at} after {@code now} of a bot not dispatched yet. */
    Optional<Instant> nextJoinAt(Handle h, Instant now) {
        // In the order of index bots_dispatch, so H2 reads one row (it computes MIN by reading them all).
        return h.createQuery("""
                        SELECT join_at FROM bots
                        WHERE dispatched = FALSE AND status = :ready AND join_at > :now
                        ORDER BY dispatched, status, join_at
                        LIMIT 1
                        """)
                .bind("ready", BotStatus.READY)
                .bind("now", SqlTime.bind(now))
                .map((rs, ctx) -> SqlTime.require(rs, "join_at"))
                .findOne();
    }

    /** Hands bots {@code node} holds back to the cluster. */
    void release(Handle h, String node, Collection<UUID> ids) {
        var batch = h.prepareBatch("UPDATE bots SET owner_node = NULL WHERE id = :id AND owner_node = :node");
        ids.forEach(id -> batch.bind("id", id).bind("node", node).add());
        batch.execute();
    }

    /** Hands every bot {@code node} holds back to the cluster; returns how many. */
    int releaseAll(Handle h, String node) {
        return h.createUpdate("UPDATE bots SET owner_node = NULL WHERE owner_node = :node")
                .bind("node", node)
                .execute();
    }

    /** The node holding the bot, if any. */
    Optional<String> owner(Handle h, UUID id) {
        return h.createQuery("SELECT owner_node FROM bots WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> Optional.ofNullable(rs.getString("owner_node")))
                .findOne()
                .flatMap(o -> o);
    }

    /**
     * Applies each status change in order, each only while {@code node} holds its bot, in one batched statement.
     *
     * @return for each change, whether it was applied
     */
    boolean[] updateStatusesIfHeld(Handle h, String node, List<Map.Entry<UUID, StatusChange>> changes) {
        boolean[] applied = new boolean[changes.size()];
        if (changes.isEmpty()) {
            return applied;
        }
        PreparedBatch batch = h.prepareBatch(UPDATE_STATUS_IF_HELD);
        for (Map.Entry<UUID, StatusChange> entry : changes) {
            batch.bind("id", entry.getKey())
                    .bind("node", node)
                    .bind("status", entry.getValue().code())
                    .bind("now", SqlTime.bind(entry.getValue().createdAt()))
                    .add();
        }
        int[] counts = batch.execute();
        for (int i = 0; i < counts.length; i++) {
            applied[i] = counts[i] > 0 || counts[i] == Statement.SUCCESS_NO_INFO;
        }
        return applied;
    }

    /** Of {@code ids}, those {@code node} holds, their rows locked until the transaction ends. */
    Set<UUID> heldAmong(Handle h, Collection<UUID> ids, String node) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(h.createQuery(HELD_AMONG)
                .setTemplateEngine(IN_LIST)
                .bindList("ids", List.copyOf(ids))
                .bind("node", node)
                .mapTo(UUID.class)
                .list());
    }

    /** Each bot's metadata, for the webhooks of its status changes. */
    Map<UUID, Map<String, String>> metadataOf(Handle h, Collection<UUID> ids) {
        Map<UUID, Map<String, String>> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        h.createQuery("SELECT id, metadata FROM bots WHERE id IN (<ids>)")
                .setTemplateEngine(IN_LIST)
                .bindList("ids", List.copyOf(ids))
                .map((rs, ctx) -> Map.entry(rs.getObject("id", UUID.class), metadata(rs.getString("metadata"))))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    Map<String, Long> countByStatus(Handle h) {
        Map<String, Long> counts = new LinkedHashMap<>();
        h.createQuery("SELECT status, COUNT(*) AS n FROM bots GROUP BY status")
                .map((rs, ctx) -> Map.entry(rs.getString("status"), rs.getLong("n")))
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    Bot bot(ResultSet rs) throws SQLException {
        return new Bot(
                rs.getObject("id", UUID.class),
                rs.getString("bot_name"),
                rs.getString("meeting_id"),
                rs.getString("meeting_password"),
                SqlTime.read(rs, "join_at"),
                metadata(rs.getString("metadata")),
                automaticLeave(rs.getString("automatic_leave")),
                zoom(rs.getString("zoom")),
                rs.getString("status"),
                rs.getBoolean("dispatched"),
                SqlTime.require(rs, "created_at"),
                SqlTime.require(rs, "updated_at"));
    }

    /** A bot with its credentials opened, for the runtime. */
    private RunnableBot runnable(ResultSet rs) throws SQLException {
        Bot bot = bot(rs);
        Secret tk = secrets.open(rs.getString("meeting_tk"), SealedColumns.BOT_MEETING_TK, bot.id());
        return new RunnableBot(
                bot.id(),
                bot.botName(),
                bot.meetingId(),
                bot.meetingPassword(),
                tk == null ? null : tk.reveal(),
                new JoinCredentials(
                        secrets.open(rs.getString("zak_url"), SealedColumns.BOT_ZAK_URL, bot.id()),
                        secrets.open(rs.getString("obf_token_url"), SealedColumns.BOT_OBF_TOKEN_URL, bot.id()),
                        secrets.open(rs.getString("join_token_url"), SealedColumns.BOT_JOIN_TOKEN_URL, bot.id()),
                        bot.zoom().userEmail()),
                bot.automaticLeave(),
                bot.joinAt(),
                bot.status());
    }

    private Map<String, String> metadata(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        json.parse(text)
                .properties()
                .forEach(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    AutomaticLeave automaticLeave(String text) {
        FieldErrors errors = new FieldErrors();
        AutomaticLeave leave = AutomaticLeaveJson.parse(json.parse(text), errors);
        if (leave == null) {
            throw new IllegalStateException("stored automatic_leave is invalid");
        }
        return leave;
    }

    private ZoomSettings zoom(String text) {
        JsonNode node = json.parse(text);
        return new ZoomSettings(
                textOrNull(node, "zak_url"),
                textOrNull(node, "obf_token_url"),
                textOrNull(node, "join_token_url"),
                textOrNull(node, "user_email"));
    }

    private static @Nullable String textOrNull(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
