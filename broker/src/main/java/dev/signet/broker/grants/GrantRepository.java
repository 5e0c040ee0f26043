package dev.signet.broker.grants;

import dev.signet.broker.db.Sealer;
import dev.signet.secrets.Secret;
import dev.signet.zoom.oauth.UserTokens;
import dev.signet.zoom.users.SignedInUser;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;

/**
 * The {@code zoom_grants} table. Tokens are sealed with associated data {@code zoom_grants/<column>/<user id>}, so a
 * row's tokens open only in that row. Methods taking a {@link Handle} run inside the caller's transaction.
 */
final class GrantRepository {
    static final String TABLE = "zoom_grants";
    private static final String COLUMNS =
            "zoom_user_id, email, account_id, display_name, state, refresh_token, access_token, access_expires_at,"
                    + " scope, connected_at, refreshed_at, last_error";
    private static final int MAX_ERROR = 500;

    /** A row with its tokens still sealed; {@link #refreshToken} and {@link #accessToken} open them. */
    record Row(Grant grant, String sealedRefresh, String sealedAccess) {}

    private final Jdbi jdbi;
    private final Sealer sealer;

    GrantRepository(Jdbi jdbi, Sealer sealer) {
        this.jdbi = jdbi;
        this.sealer = sealer;
    }

    Secret refreshToken(Row row) {
        return sealer.open(
                row.sealedRefresh(), TABLE, "refresh_token", row.grant().userId());
    }

    Secret accessToken(Row row) {
        return sealer.open(
                row.sealedAccess(), TABLE, "access_token", row.grant().userId());
    }

    /** Inserts or replaces the grant of {@code user}: a user who connects again starts afresh, connected. */
    void upsert(SignedInUser user, UserTokens tokens, Instant now) {
        jdbi.useTransaction(handle -> {
            handle.createUpdate("DELETE FROM zoom_grants WHERE zoom_user_id = :id")
                    .bind("id", user.id())
                    .execute();
            handle.createUpdate("INSERT INTO zoom_grants (" + COLUMNS + ") VALUES (:id, :email, :account, :name,"
                            + " :state, :refresh, :access, :expires, :scope, :now, :now, NULL)")
                    .bind("id", user.id())
                    .bind("email", user.email())
                    .bind("account", user.accountId())
                    .bind("name", user.displayName())
                    .bind("state", GrantState.CONNECTED.wire())
                    .bind("refresh", sealer.seal(tokens.refreshToken(), TABLE, "refresh_token", user.id()))
                    .bind("access", sealer.seal(tokens.accessToken(), TABLE, "access_token", user.id()))
                    .bind("expires", time(tokens.expiresAt()))
                    .bind("scope", tokens.scope())
                    .bind("now", time(now))
                    .execute();
        });
    }

    /** The grant of a Zoom user id, or of an email (case-insensitive). */
    Optional<Row> find(String userIdOrEmail) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS
                        + " FROM zoom_grants WHERE zoom_user_id = :key OR LOWER(email) = LOWER(:key)"
                        + " ORDER BY connected_at DESC")
                .bind("key", userIdOrEmail)
                .map(GrantRepository::row)
                .findFirst());
    }

    /** Locks the row until the transaction ends ({@code SELECT … FOR UPDATE}): one refresher at a time. */
    Optional<Row> lock(Handle handle, String userId) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM zoom_grants WHERE zoom_user_id = :id FOR UPDATE")
                .bind("id", userId)
                .map(GrantRepository::row)
                .findOne();
    }

    /** Stores a refresh's rotated tokens. */
    void storeRefreshed(Handle handle, String userId, UserTokens tokens, Instant now) {
        handle.createUpdate("UPDATE zoom_grants SET refresh_token = :refresh, access_token = :access,"
                        + " access_expires_at = :expires, scope = :scope, refreshed_at = :now, last_error = NULL"
                        + " WHERE zoom_user_id = :id")
                .bind("id", userId)
                .bind("refresh", sealer.seal(tokens.refreshToken(), TABLE, "refresh_token", userId))
                .bind("access", sealer.seal(tokens.accessToken(), TABLE, "access_token", userId))
                .bind("expires", time(tokens.expiresAt()))
                .bind("scope", tokens.scope().isEmpty() ? "" : tokens.scope())
                .bind("now", time(now))
                .execute();
    }

    /** Marks the grant disconnected with the reason. */
    void markDisconnected(Handle handle, String userId, String reason) {
        handle.createUpdate("UPDATE zoom_grants SET state = :state, last_error = :error WHERE zoom_user_id = :id")
                .bind("id", userId)
                .bind("state", GrantState.DISCONNECTED.wire())
                .bind("error", shorten(reason))
                .execute();
    }

    /** Records a failure that did not end the grant (Zoom down, rate limit). */
    void recordError(String userId, String reason) {
        jdbi.useHandle(
                handle -> handle.createUpdate("UPDATE zoom_grants SET last_error = :error WHERE zoom_user_id = :id")
                        .bind("id", userId)
                        .bind("error", shorten(reason))
                        .execute());
    }

    /** Deletes the grant; whether there was one. */
    boolean delete(String userId) {
        return jdbi.withHandle(handle -> handle.createUpdate("DELETE FROM zoom_grants WHERE zoom_user_id = :id")
                        .bind("id", userId)
                        .execute())
                > 0;
    }

    List<Grant> list() {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT " + COLUMNS + " FROM zoom_grants ORDER BY connected_at, zoom_user_id")
                .map((rs, ctx) -> row(rs, ctx).grant())
                .list());
    }

    /** Connected grants whose refresh token was last rotated before {@code cutoff}, oldest first. */
    List<String> idleSince(Instant cutoff, int limit) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT zoom_user_id FROM zoom_grants WHERE state = :state"
                        + " AND refreshed_at < :cutoff ORDER BY refreshed_at")
                .bind("state", GrantState.CONNECTED.wire())
                .bind("cutoff", time(cutoff))
                .setMaxRows(limit)
                .mapTo(String.class)
                .list());
    }

    Map<GrantState, Long> counts() {
        Map<GrantState, Long> counts = new EnumMap<>(GrantState.class);
        for (GrantState state : GrantState.values()) {
            counts.put(state, 0L);
        }
        jdbi.useHandle(handle -> handle.createQuery("SELECT state, COUNT(*) AS n FROM zoom_grants GROUP BY state")
                .map((rs, ctx) -> Map.entry(GrantState.fromWire(rs.getString("state")), rs.getLong("n")))
                .forEach(entry -> counts.put(entry.getKey(), entry.getValue())));
        return counts;
    }

    private static Row row(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws SQLException {
        Grant grant = new Grant(
                rs.getString("zoom_user_id"),
                rs.getString("email"),
                rs.getString("account_id"),
                rs.getString("display_name"),
                GrantState.fromWire(rs.getString("state")),
                instant(rs, "connected_at"),
                instant(rs, "refreshed_at"),
                instant(rs, "access_expires_at"),
                rs.getString("scope"),
                rs.getString("last_error"));
        return new Row(grant, rs.getString("refresh_token"), rs.getString("access_token"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        if (value == null) {
            throw new IllegalStateException(TABLE + "." + column + " is null");
        }
        return value.toInstant();
    }

    static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String shorten(@Nullable String reason) {
        String text = reason == null ? "" : reason;
        return text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR);
    }
}
