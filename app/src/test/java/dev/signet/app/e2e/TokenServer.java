package dev.signet.app.e2e;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * A bot owner's {@code zak_url} server on loopback, in every shape a test needs: a proxy to the broker that keeps the
 * ZAKs it handed out (for the secret scan), and servers that fail in each way a token URL can fail.
 */
final class TokenServer implements AutoCloseable {
    /** A well-formed token Zoom never minted. */
    static final String JUNK_TOKEN = "eyJqdW5rIjoidG9rZW4ifQ.not-a-zak-Zoom-ever-minted_0123456789";

    private final Javalin server;
    private final String brokerZakUrl;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final List<String> tokens = new CopyOnWriteArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);

    TokenServer(String brokerZakUrl) {
        this(brokerZakUrl, null);
    }

    /**
     * A token server that can also mint ZAKs itself from {@code zoom} (route {@code /mint/{user}}), as a bot owner
     * without the broker would.
     */
    TokenServer(String brokerZakUrl, @Nullable Zoom zoom) {
        this.brokerZakUrl = brokerZakUrl;
        server = Javalin.create(c -> {
                    c.concurrency.useVirtualThreads = true;
                    c.startup.showJavalinBanner = false;
                    c.startup.showOldJavalinVersionWarning = false;
                    c.routes.get("/proxy", ctx -> count(ctx, this::proxy));
                    if (zoom != null) {
                        c.routes.get(
                                "/mint/{user}",
                                ctx -> count(ctx, x -> {
                                    String zak = zoom.zak(x.pathParam("user"));
                                    tokens.add(zak);
                                    x.contentType("text/plain").result(zak);
                                }));
                    }
                    c.routes.get("/html-token", ctx -> count(ctx, this::htmlToken));
                    c.routes.get(
                            "/junk",
                            ctx -> count(ctx, x -> x.contentType("text/plain").result(JUNK_TOKEN)));
                    c.routes.get(
                            "/status/{code}",
                            ctx -> count(
                                    ctx,
                                    x -> x.status(Integer.parseInt(x.pathParam("code")))
                                            .contentType("text/plain")
                                            .result("no")));
                    c.routes.get("/hang", ctx -> count(ctx, x -> hang()));
                    c.routes.get("/slow-body", ctx -> count(ctx, this::slowBody));
                    c.routes.get(
                            "/big",
                            ctx -> count(ctx, x -> x.contentType("text/plain").result("A".repeat(64 * 1024))));
                    c.routes.get(
                            "/html",
                            ctx -> count(
                                    ctx,
                                    x -> x.contentType("text/html")
                                            .result("<!doctype html><html><body><h1>Sign in</h1></body></html>")));
                    c.routes.get("/redirect", ctx -> count(ctx, x -> x.redirect(brokerZakUrl)));
                })
                .start("127.0.0.1", 0);
    }

    private interface Handler {
        void handle(Context ctx) throws Exception;
    }

    private void count(Context ctx, Handler handler) throws Exception {
        calls.computeIfAbsent(ctx.path(), k -> new AtomicInteger()).incrementAndGet();
        handler.handle(ctx);
    }

    /** The URL of one of this server's behaviours, e.g. {@code url("/status/401")}. */
    String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    /** How many times {@code path} was called. */
    int calls(String path) {
        AtomicInteger count = calls.get(path);
        return count == null ? 0 : count.get();
    }

    /** Every token the proxy handed out. */
    List<String> tokens() {
        return List.copyOf(tokens);
    }

    private void proxy(Context ctx) throws Exception {
        String user = ctx.queryParam("user");
        String url = brokerZakUrl + (user == null ? "" : "&user=" + user);
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(20))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() == 200) {
            tokens.add(answer.body());
        }
        ctx.status(answer.statusCode()).contentType("text/plain").result(answer.body());
    }

    private void htmlToken(Context ctx) throws Exception {
        // Recall's sample server answers the ZAK as text/html: the body is what counts.
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create(brokerZakUrl))
                        .timeout(Duration.ofSeconds(20))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        tokens.add(answer.body());
        ctx.status(answer.statusCode()).contentType("text/html; charset=utf-8").result(answer.body());
    }

    private void hang() throws InterruptedException {
        released.await(30, TimeUnit.SECONDS);
    }

    private void slowBody(Context ctx) throws IOException, InterruptedException {
        ctx.status(200).contentType("text/plain");
        OutputStream out = ctx.res().getOutputStream();
        ctx.res().setContentLength(200);
        out.write("abcdefghij".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        released.await(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        released.countDown();
        server.stop();
    }
}
