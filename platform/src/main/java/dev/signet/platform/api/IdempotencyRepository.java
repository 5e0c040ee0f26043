package dev.signet.platform.api;

import dev.signet.platform.db.SqlTime;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.jspecify.annotations.Nullable;

/**
 * The {@code idempotency_keys} table. Every statement runs on its own (auto-commit), so a lost insert race
 * never aborts a surrounding transaction on PostgreSQL.
 */
final class IdempotencyRepository {
    private static final String UNIQUE_VIOLATION = "23505";

    private final Jdbi jdbi;

    IdempotencyRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A stored key: the request it was first used with and, once finished, its answer. */
    record Entry(
            String requestHash,
            @Nullable Integer status,
            @Nullable String response,
            Instant claimedAt,
            Instant expiresAt) {}

    /**
     * Claims a key for a request in flight. The claim is an INSERT, so of several nodes only one wins.
     *
     * @return {@code true} if this request holds the key now
     */
    boolean claim(String keyHash, String requestHash, String claimId, Instant now, Instant expiresAt) {
        try {
            return jdbi.withHandle(h -> h.createUpdate("""
                                    INSERT INTO idempotency_keys (key_hash, request_hash, claim_id, claimed_at, expires_at)
                                    VALUES (:key_hash, :request_hash, :claim_id, :now, :expires_at)
                                    """)
                            .bind("key_hash", keyHash)
                            .bind("claim_id", claimId)
                            .bind("request_hash", requestHash)
                            .bind("now", SqlTime.bind(now))
                            .bind("expires_at", SqlTime.bind(expiresAt))
                            .execute())
                    == 1;
        } catch (UnableToExecuteStatementException e) {
            if (e.getCause() instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    Optional<Entry> find(String keyHash) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT request_hash, status, response, claimed_at, expires_at FROM idempotency_keys"
                                + " WHERE key_hash = :k")
                .bind("k", keyHash)
                .map((rs, ctx) -> new Entry(
                        rs.getString("request_hash"),
                        rs.getObject("status", Integer.class),
                        rs.getString("response"),
                        SqlTime.require(rs, "claimed_at"),
                        SqlTime.require(rs, "expires_at")))
                .findOne());
    }

    /**
     * Takes over a key whose first request will not finish: its claim is older than {@code abandonedBefore}
     * (its node died mid-request), or the key has expired. Only one taker wins.
     */
    boolean takeOver(
            String keyHash,
            String requestHash,
            String claimId,
            Instant abandonedBefore,
            Instant now,
            Instant expiresAt) {
        return jdbi.withHandle(h -> h.createUpdate("""
                                UPDATE idempotency_keys
                                SET request_hash = :request_hash, status = NULL, response = NULL,
                                    claim_id = :claim_id, claimed_at = :now, expires_at = :expires_at
                                WHERE key_hash = :key_hash
                                  AND ((status IS NULL AND claimed_at < :abandoned) OR expires_at <= :now)
                                """)
                        .bind("key_hash", keyHash)
                        .bind("request_hash", requestHash)
                        .bind("claim_id", claimId)
                        .bind("abandoned", SqlTime.bind(abandonedBefore))
                        .bind("now", SqlTime.bind(now))
                        .bind("expires_at", SqlTime.bind(expiresAt))
                        .execute())
                == 1;
    }

    /** Records the first answer of the request that holds the key. */
    void finish(String keyHash, String claimId, int status, String response) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE idempotency_keys SET status = :status, response = :response
                        WHERE key_hash = :key_hash AND claim_id = :claim_id AND status IS NULL
                        """)
                .bind("key_hash", keyHash)
                .bind("claim_id", claimId)
                .bind("status", status)
                .bind("response", response)
                .execute());
    }

    /** Gives a key back (the request failed with a 5xx): a retry runs afresh. */
    void release(String keyHash, String claimId) {
        jdbi.useHandle(
                h -> h.createUpdate("DELETE FROM idempotency_keys WHERE key_hash = :key_hash AND claim_id = :claim_id"
                                + " AND status IS NULL")
                        .bind("key_hash", keyHash)
                        .bind("claim_id", claimId)
                        .execute());
    }

    /** Deletes up to {@code limit} keys that expired before {@code now}; returns how many. */
    int deleteExpired(Instant now, int limit) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        DELETE FROM idempotency_keys WHERE key_hash IN (
                            SELECT key_hash FROM idempotency_keys WHERE expires_at < :now
                            ORDER BY expires_at LIMIT :limit)
                        """)
                .bind("now", SqlTime.bind(now))
                .bind("limit", limit)
                .execute());
    }
}
