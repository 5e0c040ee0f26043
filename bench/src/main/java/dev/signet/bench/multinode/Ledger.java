package dev.signet.bench.multinode;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the nodes recorded, read straight from the shared schema (cheaper than paging the API for thousands of bots):
 * progress counts, who holds which bot, and each bot's {@code joining_call} / {@code in_call_not_recording} times.
 */
final class Ledger implements AutoCloseable {
    private final Connection connection;

    Ledger(String url) throws SQLException {
        this.connection = DriverManager.getConnection(url);
    }

    /** Counts of bots that reached {@code joining_call} and {@code in_call_not_recording} at least once, and fatal. */
    record Progress(int dispatched, int inCall, int fatal) {}

    Progress progress() throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("""
                        SELECT (SELECT COUNT(DISTINCT bot_id) FROM bot_status_changes WHERE code = 'joining_call'),
                               (SELECT COUNT(DISTINCT bot_id) FROM bot_status_changes
                                 WHERE code = 'in_call_not_recording'),
                               (SELECT COUNT(*) FROM bots WHERE status = 'fatal')
                        """);
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return new Progress(rs.getInt(1), rs.getInt(2), rs.getInt(3));
        }
    }

    /** Bots whose current status is {@code in_call_not_recording} or {@code fatal}. */
    int settled() throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                        "SELECT COUNT(*) FROM bots WHERE status IN ('in_call_not_recording', 'fatal')");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** How many bots of {@code ids} recorded {@code in_call_not_recording} after {@code since}. */
    int inCallSince(List<String> ids, Instant since) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("""
                SELECT COUNT(DISTINCT bot_id) FROM bot_status_changes
                 WHERE code = 'in_call_not_recording' AND created_at > ? AND bot_id = ANY (?)
                """)) {
            s.setTimestamp(1, Timestamp.from(since));
            s.setArray(2, connection.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Unfinished bots by holding node ({@code "(none)"} for bots no node holds). */
    Map<String, Integer> owners() throws SQLException {
        Map<String, Integer> owners = new TreeMap<>();
        try (PreparedStatement s = connection.prepareStatement("""
                        SELECT COALESCE(owner_node, '(none)'), COUNT(*) FROM bots
                         WHERE status NOT IN ('done', 'fatal') GROUP BY owner_node
                        """);
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                owners.put(rs.getString(1), rs.getInt(2));
            }
        }
        return owners;
    }

    /** The unfinished bots {@code node} holds. */
    List<String> heldBy(String node) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT id FROM bots WHERE owner_node = ? AND status NOT IN ('done', 'fatal')")) {
            s.setString(1, node);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    /** One bot's record: current status and holder, its joins, and its first and last times of each code. */
    record BotTimes(
            String id,
            String name,
            String status,
            String owner,
            int joins,
            Instant firstJoining,
            Instant lastJoining,
            Instant firstInCall,
            Instant lastInCall) {}

    /** Every bot; a time the bot never reached is {@link Instant#MAX}, a missing holder {@code "(none)"}. */
    List<BotTimes> bots() throws SQLException {
        Map<String, Instant[]> times = new HashMap<>();
        Map<String, Integer> joins = new HashMap<>();
        try (PreparedStatement s = connection.prepareStatement("""
                        SELECT bot_id, code, MIN(created_at), MAX(created_at), COUNT(*) FROM bot_status_changes
                         WHERE code IN ('joining_call', 'in_call_not_recording') GROUP BY bot_id, code
                        """);
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                Instant[] t = times.computeIfAbsent(
                        rs.getString(1), id -> new Instant[] {Instant.MAX, Instant.MAX, Instant.MAX, Instant.MAX});
                int at = rs.getString(2).equals("joining_call") ? 0 : 2;
                t[at] = rs.getTimestamp(3).toInstant();
                t[at + 1] = rs.getTimestamp(4).toInstant();
                if (at == 0) {
                    joins.put(rs.getString(1), rs.getInt(5));
                }
            }
        }
        List<BotTimes> bots = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(
                        "SELECT id, bot_name, status, COALESCE(owner_node, '(none)') FROM bots");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                String id = rs.getString(1);
                Instant[] t =
                        times.getOrDefault(id, new Instant[] {Instant.MAX, Instant.MAX, Instant.MAX, Instant.MAX});
                bots.add(new BotTimes(
                        id,
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        joins.getOrDefault(id, 0),
                        t[0],
                        t[1],
                        t[2],
                        t[3]));
            }
        }
        return bots;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
