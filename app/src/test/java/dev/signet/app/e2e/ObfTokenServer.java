package dev.signet.app.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A bot owner's {@code obf_token_url} and {@code join_token_url} server on loopback: it mints each OBF token at the
 * moment of the call with a user-level token of the authorizing user, for the {@code meeting_id} the platform
 * appended (CONTRACTS.md §3), and keeps every token and query it saw.
 *
 * <p>It runs on the JDK's own HTTP server, not Jetty, so that its request logs (which show the owner's query secret,
 * as any server's access log would) are not mistaken for the platform's in the secret scan.
 */
final class ObfTokenServer implements AutoCloseable {
    /** The query secret of every URL this server hands out. */
    static final String QUERY_SECRET = "owner-secret-7d1e0c55a9b3";

    /** One callback as the server saw it. */
    record Call(String path, String meetingId, String botId) {}

    private final HttpServer server;
    private final Function<String, String> mint;
    private final Function<String, String> joinToken;
    private final List<String> tokens = new CopyOnWriteArrayList<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    /** @param mint mints an OBF token for a meeting number */
    ObfTokenServer(Function<String, String> mint) {
        this(mint, meeting -> {
            throw new IllegalStateException("no join tokens here");
        });
    }

    /**
     * @param mint mints an OBF token for a meeting number
     * @param joinToken mints a local-recording join token for a meeting number
     */
    ObfTokenServer(Function<String, String> mint, Function<String, String> joinToken) {
        this.mint = mint;
        this.joinToken = joinToken;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            String meetingId = query.getOrDefault("meeting_id", "");
            calls.add(new Call(path, meetingId, query.getOrDefault("bot_id", "")));
            if (!QUERY_SECRET.equals(query.get("token"))) {
                send(exchange, 401, "bad secret");
            } else if (meetingId.isEmpty()) {
                send(exchange, 400, "the platform did not append meeting_id");
            } else if (path.equals("/obf")) {
                answer(exchange, mint.apply(meetingId));
            } else if (path.startsWith("/obf-for/")) {
                // A token minted for another meeting than the one asked for (Zoom: 4015).
                answer(exchange, mint.apply(path.substring("/obf-for/".length())));
            } else if (path.equals("/join-token")) {
                answer(exchange, joinToken.apply(meetingId));
            } else if (path.equals("/no-join-token")) {
                send(exchange, 404, "no token");
            } else {
                send(exchange, 404, "unknown");
            }
        }
    }

    private void answer(HttpExchange exchange, String token) throws IOException {
        tokens.add(token);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        send(exchange, 200, token);
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&", -1)) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    out.put(
                            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }

    /** The URL of {@code path} with the query secret, as a bot owner would hand it out. */
    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path + "?token=" + QUERY_SECRET;
    }

    /** Every token handed out. */
    List<String> tokens() {
        return List.copyOf(tokens);
    }

    /** Every callback seen. */
    List<Call> calls() {
        return List.copyOf(calls);
    }

    /** How many callbacks came for {@code botId}. */
    long callsFor(String botId) {
        return calls.stream().filter(c -> c.botId().equals(botId)).count();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
