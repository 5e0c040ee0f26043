package dev.signet.app.e2e;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A bot owner's {@code obf_token_url} and {@code join_token_url} server on loopback: it mints each OBF token at the
 * moment of the call with a user-level token of the authorizing user, for the {@code meeting_id} the platform
 * appended (CONTRACTS.md §3), and keeps every token and query it saw.
 */
final class ObfTokenServer implements AutoCloseable {
    /** One callback as the server saw it. */
    record Call(String path, String meetingId, String botId) {}

    private final Javalin server;
    private final List<String> tokens = new CopyOnWriteArrayList<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    /** @param mint mints an OBF token for a meeting number */
    ObfTokenServer(Function<String, String> mint) {
        server = Javalin.create(c -> {
                    c.concurrency.useVirtualThreads = true;
                    c.startup.showJavalinBanner = false;
                    c.startup.showOldJavalinVersionWarning = false;
                    c.routes.get("/obf", ctx -> answer(ctx, mint.apply(meetingId(ctx))));
                    // A token minted for another meeting than the one asked for (Zoom: 4015).
                    c.routes.get("/obf-for/{meeting}", ctx -> {
                        meetingId(ctx);
                        answer(ctx, mint.apply(ctx.pathParam("meeting")));
                    });
                    c.routes.get("/no-join-token", ctx -> {
                        meetingId(ctx);
                        ctx.status(404).contentType("text/plain").result("no token");
                    });
                })
                .start("127.0.0.1", 0);
    }

    private String meetingId(Context ctx) {
        String meetingId = ctx.queryParam("meeting_id");
        calls.add(new Call(ctx.path(), meetingId == null ? "" : meetingId, String.valueOf(ctx.queryParam("bot_id"))));
        if (meetingId == null) {
            throw new IllegalArgumentException("the platform did not append meeting_id");
        }
        return meetingId;
    }

    private void answer(Context ctx, String token) {
        tokens.add(token);
        ctx.header("Cache-Control", "no-store").contentType("text/plain").result(token);
    }

    /** The URL of {@code path} with a query secret, as a bot owner would hand it out. */
    String url(String path) {
        return "http://127.0.0.1:" + server.port() + path + "?token=owner-secret-7d1e";
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
        server.stop();
    }
}
