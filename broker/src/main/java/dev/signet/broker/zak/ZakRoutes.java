package dev.signet.broker.zak;

import dev.signet.broker.auth.CallbackAuth;
import dev.signet.broker.metrics.BrokerMetrics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.VirtualThreads;
import org.jspecify.annotations.Nullable;

/**
 * The ZAK callback route, the broker's hot path: {@code GET /zoom/zak} answers the ZAK as plain text, other methods get
 * 405 with {@code Allow: GET}. Every answer is {@code text/plain} with {@code Cache-Control: no-store}. It is a Jetty
 * core handler in front of Javalin rather than a Javalin route, and it is <em>non-blocking</em>: Jetty calls it on the
 * selector thread that read the request, so a ZAK held inside its reuse window is answered there with no hand-off to
 * another thread. Whatever may block — waiting for a mint, and every other path (Javalin's servlet layer) — is handed
 * to the server's virtual threads. Measurements: docs/decisions/0010-broker-hot-path-on-jetty-core.md and
 * docs/decisions/0013-broker-zak-on-the-selector-thread.md.
 */
public final class ZakRoutes extends Handler.Wrapper {
    static final String ZAK_PATH = "/zoom/zak";
    private static final HttpField TEXT = new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
    private static final HttpField NO_STORE = new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, "no-store");
    private static final HttpField ALLOW_GET = new PreEncodedHttpField(HttpHeader.ALLOW, "GET");

    private final CallbackAuth auth;
    private final ZakService service;
    private final BrokerMetrics metrics;
    private final String secretParam;
    private @Nullable Executor blocking;

    /**
     * Creates the route.
     *
     * @param secretParam the query parameter that carries the callback secret
     */
    public ZakRoutes(CallbackAuth auth, ZakService service, BrokerMetrics metrics, String secretParam) {
        this.auth = auth;
        this.service = service;
        this.metrics = metrics;
        this.secretParam = secretParam;
    }

    /** Non-blocking: what could block is handed to {@link #blocking} by {@link #handle}. */
    @Override
    public InvocationType getInvocationType() {
        return InvocationType.NON_BLOCKING;
    }

    @Override
    protected void doStart() throws Exception {
        // The server's virtual-thread executor when it has one, else its thread pool.
        blocking = VirtualThreads.getExecutor(getServer().getThreadPool());
        super.doStart();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (!ZAK_PATH.equals(Request.getPathInContext(request))) {
            offload(callback, () -> {
                if (!super.handle(request, response, callback)) {
                    Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
                }
            });
            return true;
        }
        long start = System.nanoTime();
        if (!"GET".equals(request.getMethod())) {
            response.getHeaders().put(ALLOW_GET);
            text(response, callback, 405, "Method Not Allowed");
            metrics.request("zak", "method_not_allowed", Duration.ZERO);
            return true;
        }
        CallbackQuery query;
        try {
            query = CallbackQuery.parse(request.getHttpURI().getQuery(), secretParam);
        } catch (IllegalArgumentException e) {
            text(response, callback, 400, "the query string is not valid percent-encoding");
            metrics.request("zak", "bad_request", Duration.ofNanos(System.nanoTime() - start));
            return true;
        }
        var headers = request.getHeaders();
        if (!auth.allows(
                query.secret(),
                headers.get("webhook-id"),
                headers.get("webhook-timestamp"),
                headers.get("webhook-signature"))) {
            text(response, callback, 401, "Unauthorized");
            metrics.request("zak", "unauthorized", Duration.ofNanos(System.nanoTime() - start));
            return true;
        }
        @Nullable String user = query.user();
        if (user != null && user.isBlank()) {
            text(response, callback, 400, "user must name a configured Zoom user id or email when present");
            metrics.request("zak", "bad_request", Duration.ofNanos(System.nanoTime() - start));
            return true;
        }
        ZakOutcome.Issued now = service.reusable(user);
        if (now != null) {
            text(response, callback, 200, now.zak().reveal());
            metrics.request("zak", "reused", Duration.ofNanos(System.nanoTime() - start));
            return true;
        }
        // A mint to wait for (or a failure to classify): never on the selector thread.
        offload(callback, () -> {
            String outcome = answer(service.zak(user), response, callback);
            metrics.request("zak", outcome, Duration.ofNanos(System.nanoTime() - start));
        });
        return true;
    }

    /** Runs {@code work} on a thread that may block; a failure fails the callback (Jetty answers 500). */
    private void offload(Callback callback, Work work) {
        Executor executor = blocking;
        if (executor == null) {
            callback.failed(new IllegalStateException("the ZAK route is not started"));
            return;
        }
        try {
            executor.execute(() -> {
                try {
                    work.run();
                } catch (Throwable t) {
                    callback.failed(t);
                }
            });
        } catch (RejectedExecutionException e) {
            callback.failed(e);
        }
    }

    /** Work that may block and may throw, like {@link Handler#handle}. */
    @FunctionalInterface
    private interface Work {
        void run() throws Exception;
    }

    private static String answer(ZakOutcome outcome, Response response, Callback callback) {
        return switch (outcome) {
            case ZakOutcome.Issued issued -> {
                text(response, callback, 200, issued.zak().reveal());
                yield issued.reused() ? "reused" : "minted";
            }
            case ZakOutcome.UnknownUser unknown -> {
                text(response, callback, 404, "user is not one of the broker's configured Zoom users");
                yield "unknown_user";
            }
            case ZakOutcome.RateLimited limited -> {
                response.getHeaders()
                        .put(
                                HttpHeader.RETRY_AFTER,
                                Long.toString(limited.retryAfter().toSeconds()));
                text(
                        response,
                        callback,
                        503,
                        "zoom rate limit reached and no held ZAK has enough life left; retry later");
                yield "rate_limited";
            }
            case ZakOutcome.Refused refused -> {
                text(response, callback, 502, refused.reason());
                yield "zoom_error";
            }
            case ZakOutcome.Failed failed -> {
                text(response, callback, 502, failed.reason());
                yield "zoom_error";
            }
        };
    }

    private static void text(Response response, Callback callback, int status, String body) {
        response.setStatus(status);
        var headers = response.getHeaders();
        headers.put(NO_STORE);
        headers.put(TEXT);
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    }
}
