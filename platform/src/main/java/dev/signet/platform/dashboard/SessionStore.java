package dev.signet.platform.dashboard;

import dev.signet.platform.db.SqlTime;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The {@code dashboard_sessions} table: session id hashes and when each expires. */
final class SessionStore {
    private final Jdbi jdbi;

    SessionStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    void insert(String idHash, Instant createdAt, Instant expiresAt) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO dashboard_sessions (id_hash, created_at, expires_at)
                        VALUES (:id_hash, :created_at, :expires_at)
                        """)
                .bind("id_hash", idHash)
                .bind("created_at", SqlTime.bind(createdAt))
                .bind("expires_at", SqlTime.bind(expiresAt))
                .execute());
    }

    /** When the session expires, if it exists. */
    Optional<Instant> expiry(String idHash) {
        return jdbi.withHandle(h -> h.createQuery("SELECT expires_at FROM dashboard_sessions WHERE id_hash = :id_hash")
                .bind("id_hash", idHash)
                .map((rs, ctx) -> SqlTime.require(rs, "expires_at"))
                .findOne());
    }

    void delete(String idHash) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM dashboard_sessions WHERE id_hash = :id_hash")
                .bind("id_hash", idHash)
                .execute());
    }

    /** Removes sessions that expired before {@code now}; returns how many. */
    int deleteExpired(Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM dashboard_sessions WHERE expires_at < :now")
                .bind("now", SqlTime.bind(now))
                .execute());
    }
}
