package dev.signet.platform.webhook;

import dev.signet.platform.db.SqlTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;

/** The {@code webhook_deliveries} outbox table. */
final class WebhookRepository {
    private final Jdbi jdbi;

    WebhookRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    static void insert(Handle h, Delivery d) {
        h.createUpdate("""
                        INSERT INTO webhook_deliveries (id, bot_id, event, endpoint, payload, status, attempts,
                            next_attempt_at, last_error, created_at, updated_at)
                        VALUES (:id, :bot_id, :event, :endpoint, :payload, :status, :attempts, :next_attempt_at,
                            :last_error, :created_at, :updated_at)
                        """)
                .bind("id", d.id())
                .bind("bot_id", d.botId())
                .bind("event", d.event())
                .bind("endpoint", d.endpoint())
                .bind("payload", d.payload())
                .bind("status", d.status().wire())
                .bind("attempts", d.attempts())
                .bind("next_attempt_at", SqlTime.bind(d.nextAttemptAt()))
                .bind("last_error", d.lastError())
                .bind("created_at", SqlTime.bind(d.createdAt()))
                .bind("updated_at", SqlTime.bind(d.updatedAt()))
                .execute();
    }

    /** Pending deliveries due at {@code now}, oldest first. */
    List<Delivery> due(Instant now, int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT * FROM webhook_deliveries
                        WHERE status = 'pending' AND next_attempt_at <= :now
                        ORDER BY next_attempt_at, id
                        LIMIT :limit
                        """)
                .bind("now", SqlTime.bind(now))
                .bind("limit", limit)
                .map((rs, ctx) -> delivery(rs))
                .list());
    }

    /** When the next pending delivery is due, if any. */
    Optional<Instant> nextDue() {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT MIN(next_attempt_at) AS due FROM webhook_deliveries WHERE status = 'pending'")
                .map((rs, ctx) -> Optional.ofNullable(SqlTime.read(rs, "due")))
                .one());
    }

    /**
     * Takes a due delivery for one attempt by moving its due time to {@code lease}; if the process dies during
     * the attempt, the delivery is due again when the lease ends.
     */
    boolean claim(String id, Instant now, Instant lease) {
        return jdbi.withHandle(h -> h.createUpdate("""
                                UPDATE webhook_deliveries SET next_attempt_at = :lease
                                WHERE id = :id AND status = 'pending' AND next_attempt_at <= :now
                                """)
                        .bind("id", id)
                        .bind("now", SqlTime.bind(now))
                        .bind("lease", SqlTime.bind(lease))
                        .execute())
                == 1;
    }

    /** Records an attempt's outcome. */
    void record(
            String id,
            DeliveryStatus status,
            int attempts,
            Instant nextAttemptAt,
            @Nullable String error,
            Instant now) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE webhook_deliveries
                        SET status = :status, attempts = :attempts, next_attempt_at = :next, last_error = :error,
                            updated_at = :now
                        WHERE id = :id
                        """)
                .bind("id", id)
                .bind("status", status.wire())
                .bind("attempts", attempts)
                .bind("next", SqlTime.bind(nextAttemptAt))
                .bind("error", error)
                .bind("now", SqlTime.bind(now))
                .execute());
    }

    /** Makes a delivery pending and due now, with a fresh retry budget; {@code false} if there is no such id. */
    boolean replay(String id, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("""
                                UPDATE webhook_deliveries
                                SET status = 'pending', attempts = 0, next_attempt_at = :now, updated_at = :now
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
