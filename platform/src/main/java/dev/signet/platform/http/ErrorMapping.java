package dev.signet.platform.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every exception a handler throws into a JSON error: 400 for bad input, the status an
 * {@link ApiException} names, and 500 {@code internal_error} with an id that is logged with the stack trace
 * (which never reaches the client).
 */
final class ErrorMapping {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

    private final JsonCodec json;
    private final SecureRandom random = new SecureRandom();

    ErrorMapping(JsonCodec json) {
        this.json = json;
    }

    void install(RoutesConfig routes) {
        routes.exception(ValidationException.class, (e, ctx) -> json.send(ctx, 400, e.errors()));
        routes.exception(
                MalformedJsonException.class,
                (e, ctx) -> json.send(ctx, 400, error("parse_error", String.valueOf(e.getMessage()))));
        routes.exception(ApiException.class, (e, ctx) -> json.send(ctx, e.status(), error(e.code(), e.detail())));
        routes.exception(HttpResponseException.class, (e, ctx) -> json.send(ctx, e.getStatus(), javalinError(e)));
        routes.exception(Exception.class, this::internal);
        routes.error(404, ctx -> fallback(ctx, "not_found", "Not found."));
        routes.error(405, ctx -> fallback(ctx, "method_not_allowed", "Method not allowed."));
    }

    private void internal(Exception e, Context ctx) {
        String errorId = HexFormat.of().formatHex(nextId());
        LOG.error("internal error {} on {} {}", errorId, ctx.method(), ctx.path(), e);
        Map<String, String> body = new LinkedHashMap<>(
                error("internal_error", "An unexpected error occurred; quote the error_id when you report it."));
        body.put("error_id", errorId);
        json.send(ctx, 500, body);
    }

    /** A {@link Error} escaped a handler: the servlet response is all that is left to answer with. */
    void fatal(HttpServletResponse response, Error error) {
        String errorId = HexFormat.of().formatHex(nextId());
        LOG.error("internal error {} (fatal)", errorId, error);
        Map<String, String> body = new LinkedHashMap<>(
                error("internal_error", "An unexpected error occurred; quote the error_id when you report it."));
        body.put("error_id", errorId);
        try {
            response.setStatus(500);
            response.setContentType("application/json");
            response.getOutputStream().write(json.mapper().writeValueAsBytes(body));
        } catch (IOException | IllegalStateException e) {
            LOG.warn("could not answer internal error {}: {}", errorId, e.toString());
        }
    }

    private byte[] nextId() {
        byte[] id = new byte[8];
        random.nextBytes(id);
        return id;
    }

    private void fallback(Context ctx, String code, String detail) {
        if (ctx.attribute(JsonCodec.WROTE_JSON) == null) {
            json.send(ctx, ctx.statusCode(), error(code, detail));
        }
    }

    private static Map<String, String> javalinError(HttpResponseException e) {
        String code = switch (e.getStatus()) {
            case 400 -> "bad_request";
            case 401 -> "authentication_failed";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 413 -> "request_too_large";
            default -> "http_" + e.getStatus();
        };
        return error(code, String.valueOf(e.getMessage()));
    }

    static Map<String, String> error(String code, String detail) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("detail", detail);
        return body;
    }
}
