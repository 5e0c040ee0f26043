package dev.signet.broker.zak;

import dev.signet.broker.auth.CallbackAuth;
import dev.signet.broker.metrics.BrokerMetrics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.jspecify.annotations.Nullable;

/**
 * The ZAK callback route, the broker's hot path: {@code GET /zoom/zak} answers the ZAK as plain text, other methods get
 * 405 with {@code Allow: GET}. Every answer is {@code text/plain} with {@code Cache-Control: no-store}. It is a Jetty
 * handler in front of Javalin rather than a Javalin route: measured, Javalin's servlet layer and a per-request timer
 * cost half of a reused ZAK's answer (docs/decisions/0010-broker-hot-path-on-jetty-core.md). Every other path goes on
 * to Javalin.
 */
public final class ZakRoutes extends Handler.Wrapper {
    static final String ZAK_PATH = "/zoom/zak";
    private static final String TEXT = "text/plain; charset=utf-8";

    private final CallbackAuth auth;
    private final ZakService service;
    private final BrokerMetrics metrics;
    private final String secretParam;

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

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!ZAK_PATH.equals(Request.getPathInContext(request))) {
            return super.handle(request, response, callback);
        }
        if (!"GET".equals(request.getMethod())) {
            response.getHeaders().put(HttpHeader.ALLOW, "GET");
            text(response, callback, 405, "Method Not Allowed");
            metrics.request("zak", "method_not_allowed", Duration.ZERO);
            return true;
        }
        long start = System.nanoTime();
        String outcome = answer(request, response, callback);
        metrics.request("zak", outcome, Duration.ofNanos(System.nanoTime() - start));
        return true;
    }

    private String answer(Request request, Response response, Callback callback) {
        Fields query = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
        var headers = request.getHeaders();
        if (!auth.allows(
                query.getValue(secretParam),
                headers.get("webhook-id"),
                headers.get("webhook-timestamp"),
                headers.get("webhook-signature"))) {
            text(response, callback, 401, "Unauthorized");
            return "unauthorized";
        }
        @Nullable String user = query.getValue("user");
        if (user != null && user.isBlank()) {
            text(response, callback, 400, "user must name a configured Zoom user id or email when present");
            return "bad_request";
        }
        return switch (service.zak(user)) {
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
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, TEXT);
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    }
}
