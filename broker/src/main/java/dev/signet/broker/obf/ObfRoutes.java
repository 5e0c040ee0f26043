package dev.signet.broker.obf;

import dev.signet.broker.auth.CallbackAuth;
import dev.signet.broker.metrics.BrokerMetrics;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.Duration;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /zoom/obf?user=<id or email>&meeting_id=<n>}: a fresh OBF token as {@code text/plain}, authenticated
 * like {@code /zoom/zak}. Error bodies are {@code <code>: <detail>}; the codes are {@code invalid_request} (400),
 * {@code user_not_connected} (404), {@code user_disconnected} (409), {@code obf_not_configured} (503),
 * {@code rate_limited} (503 with {@code Retry-After}) and {@code zoom_error} (502). Every answer has
 * {@code Cache-Control: no-store}.
 */
public final class ObfRoutes {
    static final String PATH = "/zoom/obf";
    private static final String TEXT = "text/plain; charset=utf-8";
    private static final Pattern MEETING_ID = Pattern.compile("[0-9]{9,12}");
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9._%+@-]{1,128}");
    private static final Logger log = LoggerFactory.getLogger(ObfRoutes.class);

    private final CallbackAuth auth;
    private final @Nullable ObfService service;
    private final BrokerMetrics metrics;
    private final String secretParam;

    /**
     * @param service mints tokens; null when the broker has no user OAuth app (every request answers 503)
     * @param secretParam the query parameter that carries the callback secret
     */
    public ObfRoutes(CallbackAuth auth, @Nullable ObfService service, BrokerMetrics metrics, String secretParam) {
        this.auth = auth;
        this.service = service;
        this.metrics = metrics;
        this.secretParam = secretParam;
    }

    /** Adds the route and its 405s. */
    public void register(RoutesConfig routes) {
        routes.get(PATH, this::obf);
        for (HandlerType method : HandlerType.commonHttp()) {
            if (!method.equals(HandlerType.GET)) {
                routes.addHttpHandler(method, PATH, ctx -> {
                    ctx.header("Allow", "GET");
                    text(ctx, 405, "Method Not Allowed");
                    metrics.request("obf", "method_not_allowed", Duration.ZERO);
                });
            }
        }
    }

    private void obf(Context ctx) {
        long start = System.nanoTime();
        String outcome = answer(ctx);
        metrics.request("obf", outcome, Duration.ofNanos(System.nanoTime() - start));
    }

    private String answer(Context ctx) {
        boolean authentic = auth.allows(
                ctx.queryParam(secretParam),
                ctx.header("webhook-id"),
                ctx.header("webhook-timestamp"),
                ctx.header("webhook-signature"));
        if (!authentic) {
            text(ctx, 401, "Unauthorized");
            return "unauthorized";
        }
        ObfService obf = service;
        if (obf == null) {
            text(
                    ctx,
                    503,
                    "obf_not_configured: this broker has no Zoom user OAuth app"
                            + " (SIGNET_BROKER_OAUTH_CLIENT_ID, _CLIENT_SECRET, _REDIRECT_URL); it serves ZAKs only");
            return "not_configured";
        }
        String user = ctx.queryParam("user");
        if (user == null || !USER.matcher(user.strip()).matches()) {
            text(ctx, 400, "invalid_request: user must name a connected Zoom user id or email");
            return "bad_request";
        }
        String meetingId = ctx.queryParam("meeting_id");
        String digits = meetingId == null ? "" : meetingId.replace(" ", "").replace("-", "");
        if (!MEETING_ID.matcher(digits).matches()) {
            text(ctx, 400, "invalid_request: meeting_id must be a Zoom meeting number (9 to 12 digits)");
            return "bad_request";
        }
        @Nullable String botId = ctx.queryParam("bot_id");
        return switch (obf.mint(user.strip(), digits)) {
            case ObfOutcome.Minted minted -> {
                log.debug("OBF token for bot {} in meeting {}", botId, digits);
                text(ctx, 200, minted.token().reveal());
                yield "minted";
            }
            case ObfOutcome.NotConnected notConnected -> {
                text(ctx, 404, "user_not_connected: this Zoom user has not connected their account to the broker");
                yield "not_connected";
            }
            case ObfOutcome.Disconnected disconnected -> {
                text(
                        ctx,
                        409,
                        "user_disconnected: Zoom no longer accepts this user's grant (revoked or expired);"
                                + " they must connect again");
                yield "disconnected";
            }
            case ObfOutcome.RateLimited limited -> {
                long seconds = Math.max(1, (limited.retryAfter().toMillis() + 999) / 1000);
                ctx.header("Retry-After", Long.toString(seconds));
                text(ctx, 503, "rate_limited: Zoom's rate limit was reached; retry later");
                yield "rate_limited";
            }
            case ObfOutcome.Failed failed -> {
                text(ctx, 502, "zoom_error: " + failed.reason());
                yield "zoom_error";
            }
        };
    }

    private static void text(Context ctx, int status, String body) {
        ctx.status(status);
        ctx.header("Cache-Control", "no-store");
        ctx.contentType(TEXT);
        ctx.result(body);
    }
}
