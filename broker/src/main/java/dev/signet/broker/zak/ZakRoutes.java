package dev.signet.broker.zak;

import dev.signet.broker.auth.CallbackAuth;
import dev.signet.broker.metrics.BrokerMetrics;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The ZAK callback route: {@code GET /zoom/zak} answers the ZAK as plain text, other methods get 405 with
 * {@code Allow: GET}. Every answer is {@code text/plain} with {@code Cache-Control:
 * no-store}.
 */
public final class ZakRoutes {
    static final String ZAK_PATH = "/zoom/zak";
    private static final String TEXT = "text/plain; charset=utf-8";

    private final CallbackAuth auth;
    private final ZakService service;
    private final BrokerMetrics metrics;
    private final String secretParam;

    /**
     * Creates the routes.
     *
     * @param secretParam the query parameter that carries the callback secret
     */
    public ZakRoutes(CallbackAuth auth, ZakService service, BrokerMetrics metrics, String secretParam) {
        this.auth = auth;
        this.service = service;
        this.metrics = metrics;
        this.secretParam = secretParam;
    }

    /** Adds the routes to a Javalin configuration. */
    public void register(RoutesConfig routes) {
        routes.get(ZAK_PATH, this::zak);
        for (HandlerType method : HandlerType.commonHttp()) {
            if (!method.equals(HandlerType.GET)) {
                routes.addHttpHandler(method, ZAK_PATH, ctx -> methodNotAllowed(ctx, "zak"));
            }
        }
    }

    private void zak(Context ctx) {
        long start = System.nanoTime();
        String outcome = answerZak(ctx);
        metrics.request("zak", outcome, Duration.ofNanos(System.nanoTime() - start));
    }

    private String answerZak(Context ctx) {
        if (!authentic(ctx)) {
            text(ctx, 401, "Unauthorized");
            return "unauthorized";
        }
        @Nullable String user = ctx.queryParam("user");
        if (user != null && user.isBlank()) {
            text(ctx, 400, "user must name a configured Zoom user id or email when present");
            return "bad_request";
        }
        return switch (service.zak(user)) {
            case ZakOutcome.Issued issued -> {
                text(ctx, 200, issued.zak().reveal());
                yield issued.reused() ? "reused" : "minted";
            }
            case ZakOutcome.UnknownUser unknown -> {
                text(ctx, 404, "user is not one of the broker's configured Zoom users");
                yield "unknown_user";
            }
            case ZakOutcome.RateLimited limited -> {
                ctx.header("Retry-After", Long.toString(limited.retryAfter().toSeconds()));
                text(ctx, 503, "zoom rate limit reached and no held ZAK has enough life left; retry later");
                yield "rate_limited";
            }
            case ZakOutcome.Refused refused -> {
                text(ctx, 502, refused.reason());
                yield "zoom_error";
            }
            case ZakOutcome.Failed failed -> {
                text(ctx, 502, failed.reason());
                yield "zoom_error";
            }
        };
    }

    private void methodNotAllowed(Context ctx, String endpoint) {
        ctx.header("Allow", "GET");
        text(ctx, 405, "Method Not Allowed");
        metrics.request(endpoint, "method_not_allowed", Duration.ZERO);
    }

    private boolean authentic(Context ctx) {
        return auth.allows(
                ctx.queryParam(secretParam),
                ctx.header("webhook-id"),
                ctx.header("webhook-timestamp"),
                ctx.header("webhook-signature"));
    }

    private static void text(Context ctx, int status, String body) {
        ctx.status(status);
        ctx.header("Cache-Control", "no-store");
        ctx.contentType(TEXT);
        ctx.result(body);
    }
}
