package dev.signet.platform.webhook;

import dev.signet.platform.db.ClaimLocks;
import dev.signet.platform.db.SqlTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jspecify.annotations.Nullable;

/** The {@code webhook_deliveries} outbox table. */
final class WebhookRepository {
    private final Jdbi jdbi;

    WebhookRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A delivery to insert with its endpoint sealed. */
    record NewDelivery(Delivery delivery, String endpointSealed) {}

    static void insert(Handle h, Delivery d, String endpointSealed) {
        insertAll(h, List.of(new NewDelivery(d, endpointSealed)));
    }

    /** Inserts every delivery in one batched statement, in order. */
    static void insertAll(Handle h, List<NewDelivery> rows) {
        if (rows.isEmpty()) {
            return;
        }
        PreparedBatch batch = h.prepareBatch("""
                INSERT INTO webhook_deliveries (id, bot_id, event, endpoint, endpoint_sealed, payload, status,
                    attempts, next_attempt_at, last_error, created_at, updated_at)
                VALUES (:id, :bot_id, :event, :endpoint, :endpoint_sealed, :payload, :status, :attempts,
                    :next_attempt_at, :last_error, :created_at, :updated_at)
                """);
        for (NewDelivery row : rows) {
            Delivery d = row.delivery();
            batch.bind("id", d.id())
                    .bind("bot_id", d.botId())
                    .bind("event", d.event())
                    .bind("endpoint", d.endpoint())
                    .bind("endpoint_sealed", row.endpointSealed())
                    .bind("payload", d.payload())
                    .bind("status", d.status().wire())
                    .bind("attempts", d.attempts())
                    .bind("next_attempt_at", SqlTime.bind(d.nextAttemptAt()))
                    .bind("last_error", d.lastError())
                    .bind("created_at", SqlTime.bind(d.createdAt()))
                    .bind("updated_at", SqlTime.bind(d.updatedAt()))
                    .add();
        }
        batch.execute();
    }

    /**
     * The claim's query: due rows of one endpoint, oldest first, in the order of index {@code
     * webhook_deliveries_endpoint_due} (status and endpoint are fixed, so it is {@code next_attempt_at}'s order), which
     * lets H2 stop at the limit; {@link ClaimLocks} adds the row locks on PostgreSQL.
     */
    static final String DUE_FOR_ENDPOINT = """
            SELECT * FROM webhook_deliveries
            WHERE status = 'pending' AND endpoint = :endpoint AND next_attempt_at <= :now
            ORDER BY status, endpoint, next_attempt_at
            LIMIT :limit
            """;

    /**
     * One claimed row, only while it is still due. Only the primary key can serve the WHERE: COALESCE keeps the status
     * indexes out of the plan, which PostgreSQL chose when it planned the prepared statement on an empty table, and then
     * walked every pending row for each update (decision 0011, fourth update of 2026-12-04). status is NOT NULL, so the
     * condition is unchanged.
     */
    static final String CLAIM_ONE = """
            UPDATE webhook_deliveries SET next_attempt_at = :lease, claim_id = :claim
            WHERE id = :id AND COALESCE(status, '') = 'pending' AND next_attempt_at <= :now
            """;

    /** The endpoints (redacted forms) that have due deliveries; one row each. */
    static final String DUE_ENDPOINTS = """
            SELECT DISTINCT endpoint FROM webhook_deliveries
            WHERE status = 'pending' AND next_attempt_at <= :now
            """;

    /**
     * Claims up to {@code limit} due deliveries of one endpoint for one attempt each, in one transaction: their due
     * time moves to {@code lease} (if the process dies during the attempt they are due again when it ends) and they
     * carry {@code claimId}, which {@link #record} requires. On PostgreSQL rows another transaction is claiming are
     * skipped, so several nodes never claim one row twice nor wait for each other; each row's update is conditional on
     * it still being due, and only rows it changed are returned.
     */
    List<Claimed> claim(String endpoint, Instant now, Instant lease, String claimId, int limit) {
        return jdbi.inTransaction(h -> {
            List<Claimed> rows = h.createQuery(DUE_FOR_ENDPOINT + ClaimLocks.skipLocked(h))
                    .bind("endpoint", endpoint)
                    .bind("now", SqlTime.bind(now))
                    .bind("limit", limit)
                    .map((rs, ctx) -> new Claimed(delivery(rs), rs.getString("endpoint_sealed"), claimId))
                    .list();
            if (rows.isEmpty()) {
                return rows;
            }
            PreparedBatch batch = h.prepareBatch(CLAIM_ONE);
            for (Claimed row : rows) {
                batch.bind("lease", SqlTime.bind(lease))
                        .bind("claim", claimId)
                        .bind("id", row.delivery().id())
                        .bind("now", SqlTime.bind(now))
                        .add();
            }
            int[] counts = batch.execute();
            List<Claimed> claimed = new ArrayList<>(rows.size());
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] > 0 || counts[i] == Statement.SUCCESS_NO_INFO) {
                    claimed.add(rows.get(i));
                }
            }
            return claimed;
        });
    }

    /** The endpoints (as stored: redacted) that have deliveries due at {@code now}. */
    List<String> dueEndpoints(Instant now) {
        return jdbi.withHandle(h -> h.createQuery(DUE_ENDPOINTS)
                .bind("now", SqlTime.bind(now))
                .mapTo(String.class)
                .list());
    }

    /** When the next pending delivery is due, if any. */
    Optional<Instant> nextDue() {
        // Not MIN(next_attempt_at): H2 computes that by reading every pending row; in the order of index
        // webhook_deliveries_due it reads one.
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT next_attempt_at FROM webhook_deliveries WHERE status = 'pending'
                        ORDER BY status, next_attempt_at
                        LIMIT 1
                        """)
                .map((rs, ctx) -> SqlTime.require(rs, "next_attempt_at"))
                .findOne());
    }

    /**
     * Records attempts' outcomes in one transaction. An outcome whose claim no longer holds its row (the lease ran
     * out and another claim took it, or an operator replayed it) changes nothing: that claim records its own.
     *
     * @return how many rows changed
     */
    int record(List<Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return 0;
        }
        return jdbi.inTransaction(h -> {
            PreparedBatch batch = h.prepareBatch("""
                    UPDATE webhook_deliveries
                    SET status = :status, attempts = :attempts, next_attempt_at = :next, last_error = :error,
                        updated_at = :now, claim_id = NULL
                    WHERE id = :id AND claim_id = :claim
                    """);
            for (Outcome o : outcomes) {
                batch.bind("id", o.id())
                        .bind("claim", o.claimId())
                        .bind("status", o.status().wire())
                        .bind("attempts", o.attempts())
                        .bind("next", SqlTime.bind(o.nextAttemptAt()))
                        .bind("error", o.error())
                        .bind("now", SqlTime.bind(o.at()))
                        .add();
            }
            int changed = 0;
            for (int n : batch.execute()) {
                changed += Math.max(n, 0);
            }
            return changed;
        });
    }

    /** Rows written before endpoints were sealed (their {@code endpoint} is the plain URL), up to {@code limit}. */
    List<Map.Entry<String, String>> unsealed(int limit) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT id, endpoint FROM webhook_deliveries WHERE endpoint_plain = TRUE LIMIT :limit")
                .bind("limit", limit)
                .map((rs, ctx) -> Map.entry(rs.getString("id"), rs.getString("endpoint")))
                .list());
    }

    /** Replaces a plain endpoint with its sealed and redacted forms, if it is still the one read. */
    boolean seal(String id, String plain, String sealed, String redacted) {
        return jdbi.withHandle(h -> h.createUpdate("""
                                UPDATE webhook_deliveries
                                SET endpoint = :redacted, endpoint_sealed = :sealed, endpoint_plain = FALSE
                                WHERE id = :id AND endpoint = :plain AND endpoint_plain = TRUE
                                """)
                        .bind("id", id)
                        .bind("plain", plain)
                        .bind("sealed", sealed)
                        .bind("redacted", redacted)
                        .execute())
                == 1;
    }

    /** Makes a delivery pending and due now, with a fresh retry budget; {@code false} if there is no such id. */
    boolean replay(String id, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("""
                                UPDATE webhook_deliveries
                                SET status = 'pending', attempts = 0, next_attempt_at = :now, updated_at = :now,
                                    claim_id = NULL
                                WHERE id = :id
                                """)
                        .bind("id", id)
                        .bind("now", SqlTime.bind(now))
                        .execute())
                == 1;
    }

    Optional<Delivery> find(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM webhook_deliveries WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> delivery(rs))
                .findOne());
    }

    /** Deliveries newest first, optionally of one status, after the {@code (created_at, id)} key. */
    List<Delivery> list(
            @Nullable DeliveryStatus status, @Nullable Instant beforeAt, @Nullable String beforeId, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM webhook_deliveries WHERE 1 = 1");
        if (status != null) {
            sql.append(" AND status = :status");
        }
        if (beforeAt != null && beforeId != null) {
            sql.append(" AND (created_at < :at OR (created_at = :at AND id < :before_id))");
        }
        sql.append(" ORDER BY created_at DESC, id DESC LIMIT :limit");
        return jdbi.withHandle(h -> {
            var query = h.createQuery(sql.toString()).bind("limit", limit);
            if (status != null) {
                query.bind("status", status.wire());
            }
            if (beforeAt != null && beforeId != null) {
                query.bind("at", SqlTime.bind(beforeAt)).bind("before_id", beforeId);
            }
            return query.map((rs, ctx) -> delivery(rs)).list();
        });
    }

    /** One bot's deliveries, newest first. */
    List<Delivery> forBot(UUID botId, int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT * FROM webhook_deliveries WHERE bot_id = :bot_id
                        ORDER BY created_at DESC, id DESC LIMIT :limit
                        """)
                .bind("bot_id", botId)
                .bind("limit", limit)
                .map((rs, ctx) -> delivery(rs))
                .list());
    }

    Map<DeliveryStatus, Long> countByStatus() {
        Map<DeliveryStatus, Long> counts = new LinkedHashMap<>();
        for (DeliveryStatus s : DeliveryStatus.values()) {
            counts.put(s, 0L);
        }
        jdbi.useHandle(h -> h.createQuery("SELECT status, COUNT(*) AS n FROM webhook_deliveries GROUP BY status")
                .map((rs, ctx) -> Map.entry(rs.getString("status"), rs.getLong("n")))
                .forEach(e -> {
                    DeliveryStatus s = DeliveryStatus.fromWire(e.getKey());
                    if (s != null) {
                        counts.put(s, e.getValue());
                    }
                }));
        return counts;
    }

    private static Delivery delivery(ResultSet rs) throws SQLException {
        DeliveryStatus status = DeliveryStatus.fromWire(rs.getString("status"));
        if (status == null) {
            throw new SQLException("unknown delivery status in row " + rs.getString("id"));
        }
        return new Delivery(
                rs.getString("id"),
                rs.getObject("bot_id", UUID.class),
                rs.getString("event"),
                rs.getString("endpoint"),
                rs.getString("payload"),
                status,
                rs.getInt("attempts"),
                SqlTime.require(rs, "next_attempt_at"),
                rs.getString("last_error"),
                SqlTime.require(rs, "created_at"),
                SqlTime.require(rs, "updated_at"));
    }
}
