package dev.signet.emulator.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.signet.emulator.secret.RandomTokens;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every response gets: Zoom's {@code x-zm-trackingid}, CORS and {@code Cross-Origin-Resource-Policy}
 * headers, answered preflights, and one error mapping that turns exceptions into each protocol's error body.
 */
public final class Plumbing {
    private static final Logger log = LoggerFactory.getLogger(Plumbing.class);

    private final Json json;
    private final RandomTokens random;

    public Plumbing(Json json, RandomTokens random) {
        this.json = json;
        this.random = random;
    }

    /** Installs the headers, the preflight answer and the error mapping. */
    public void register(RoutesConfig routes) {
        routes.before(this::headers);
        routes.options("/*", ctx -> ctx.status(204));
        routes.exception(ZoomApiException.class, (e, ctx) -> zoomError(ctx, e));
        routes.exception(OAuthException.class, (e, ctx) -> json.send(ctx, e.status(), oauthBody(e)));
        routes.exception(EmulatorException.class, (e, ctx) -> emulatorError(ctx, e));
        routes.exception(JsonProcessingException.class, (e, ctx) -> badJson(ctx, e));
        routes.exception(IllegalArgumentException.class, (e, ctx) -> badInput(ctx, e));
        routes.exception(Exception.class, (e, ctx) -> internal(ctx, e));
        routes.error(404, this::notFound);
    }

    private void headers(Context ctx) {
        ctx.header("x-zm-trackingid", "v=2.0;clid=emu;rid=WEB_" + random.hex(16));
        ctx.header("Access-Control-Allow-Origin", "*");
        ctx.header("Access-Control-Allow-Methods", "GET, POST, PUT, PATCH, DELETE, OPTIONS");
        ctx.header("Access-Control-Allow-Headers", "Authorization, Content-Type, Accept");
        ctx.header("Access-Control-Max-Age", "600");
        ctx.header("Cross-Origin-Resource-Policy", "cross-origin");
    }

    private void notFound(Context ctx) {
        if (String.valueOf(ctx.res().getContentType()).startsWith("application/json")) {
            return; // a handler or the error mapping already answered 404 with a JSON body
        }
        if (ctx.path().startsWith("/v2/")) {
            json.send(ctx, 404, zoomBody(new ZoomApiException(404, 404, "Not Found")));
        } else {
            json.send(ctx, 404, emulatorBody(EmulatorException.notFound("path " + ctx.path())));
        }
    }

    private void zoomError(Context ctx, ZoomApiException e) {
        json.send(ctx, e.status(), zoomBody(e));
    }

    private void emulatorError(Context ctx, EmulatorException e) {
        json.send(ctx, e.status(), emulatorBody(e));
    }

    private void badJson(Context ctx, JsonProcessingException e) {
        // A record constructor that rejects a field is wrapped by Jackson; answer with its message.
        if (e.getCause() instanceof EmulatorException cause) {
            emulatorError(ctx, cause);
            return;
        }
        if (e.getCause() instanceof ZoomApiException cause) {
            zoomError(ctx, cause);
            return;
        }
        if (e.getCause() instanceof IllegalArgumentException cause) {
            badInput(ctx, cause);
            return;
        }
        badInput(ctx, new IllegalArgumentException("the request body is not valid JSON"));
    }

    private void badInput(Context ctx, IllegalArgumentException e) {
        String reason = String.valueOf(e.getMessage());
        if (ctx.path().startsWith("/v2/")) {
            json.send(ctx, 400, zoomBody(new ZoomApiException(400, 300, reason)));
        } else if (ctx.path().startsWith("/oauth/")) {
            json.send(ctx, 400, oauthBody(new OAuthException("invalid_request", reason)));
        } else {
            json.send(ctx, 400, emulatorBody(EmulatorException.badRequest(reason)));
        }
    }

    private void internal(Context ctx, Exception e) {
        String id = random.hex(8);
        log.error("unexpected failure {} on {} {}", id, ctx.method(), ctx.path(), e);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error_code", 500);
        body.put("reason", "internal error");
        body.put("error_id", id);
        json.send(ctx, 500, body);
    }

    /** Zoom's REST error body. */
    public static Map<String, Object> zoomBody(ZoomApiException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", e.code());
        body.put("message", e.getMessage());
        if (!e.errors().isEmpty()) {
            body.put("errors", e.errors());
        }
        return body;
    }

    private static Map<String, Object> oauthBody(OAuthException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reason", e.reason());
        body.put("error", e.error());
        return body;
    }

    private static Map<String, Object> emulatorBody(EmulatorException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error_code", e.errorCode());
        body.put("reason", e.reason());
        return body;
    }
}
