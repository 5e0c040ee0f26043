package dev.signet.broker.connect;

import dev.signet.broker.db.Sealer;
import dev.signet.secrets.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The connect flow's pending {@code state}s in the {@code connect_states} table, so that any replica can finish a flow
 * another one started. Only the SHA-256 of a state is stored; its PKCE verifier is sealed to the row. A state is
 * consumed atomically: of two callbacks with the same state, one deletes the row and the other finds nothing.
 */
final class ConnectStates {
    private static final String TABLE = "connect_states";

    /** What consuming a state found. */
    sealed interface Consumed {
        /** The state was pending and is now used up. */
        record Valid(Secret verifier) implements Consumed {}

        /** The state was pending but too old (now deleted). */
        record Expired() implements Consumed {}

        /** No such state: never issued, or used already. */
        record Unknown() implements Consumed {}
    }

    private final Jdbi jdbi;
    private final Sealer sealer;

    ConnectStates(Jdbi jdbi, Sealer sealer) {
        this.jdbi = jdbi;
        this.sealer = sealer;
    }

    void save(Secret state, Secret verifier, Instant now, Instant expiresAt) {
        String hash = hash(state);
        jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO connect_states (state_hash, code_verifier,"
                        + " created_at, expires_at) VALUES (:hash, :verifier, :now, :expires)")
                .bind("hash", hash)
                .bind("verifier", sealer.seal(verifier, TABLE, "code_verifier", hash))
                .bind("now", time(now))
                .bind("expires", time(expiresAt))
                .execute());
    }

    Consumed consume(Secret state, Instant now) {
        String hash = hash(state);
        return jdbi.inTransaction(handle -> {
            Optional<Row> row = handle.createQuery(
                            "SELECT code_verifier, expires_at FROM connect_states WHERE state_hash = :hash")
                    .bind("hash", hash)
                    .map((rs, ctx) -> new Row(
                            rs.getString("code_verifier"),
                            rs.getObject("expires_at", OffsetDateTime.class).toInstant()))
                    .findOne();
            if (row.isEmpty()) {
                return new Consumed.Unknown();
            }
            int deleted = handle.createUpdate("DELETE FROM connect_states WHERE state_hash = :hash")
                    .bind("hash", hash)
                    .execute();
            if (deleted == 0) {
                return new Consumed.Unknown(); // another callback consumed it first
            }
            if (!now.isBefore(row.get().expiresAt())) {
                return new Consumed.Expired();
            }
            return new Consumed.Valid(sealer.open(row.get().sealedVerifier(), TABLE, "code_verifier", hash));
        });
    }

    /** Deletes states that expired before {@code now}; returns how many. */
    int purge(Instant now) {
        return jdbi.withHandle(handle -> handle.createUpdate("DELETE FROM connect_states WHERE expires_at < :now")
                .bind("now", time(now))
                .execute());
    }

    private record Row(String sealedVerifier, Instant expiresAt) {}

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static String hash(Secret state) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(state.reveal().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
