package dev.signet.platform.dashboard;

import dev.signet.platform.dashboard.Model.Chrome;
import dev.signet.platform.dashboard.Model.ErrorPage;
import dev.signet.platform.dashboard.Sessions.Session;
import dev.signet.platform.http.ApiException;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every dashboard response shares: security headers, HTML rendering, the signed-in check, the CSRF check on
 * every POST, and HTML error pages (never a stack trace).
 */
final class Web {
    private static final Logger LOG = LoggerFactory.getLogger(Web.class);

    /** Scripts and styles come only from this origin's files; nothing is inline, nothing may frame the pages. */
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
            + " connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private static final Map<String, String> NOTICES = Map.of(
            "created", "Bot created.",
            "left", "The bot was asked to leave its call.",
            "deleted", "The scheduled bot was deleted.",
            "replayed", "The delivery is queued to be sent again.",
            "signed-out", "You are signed out.",
            "expired", "Your session has ended: sign in again.");

    /** A handler that runs for a signed-in browser. */
    @FunctionalInterface
    interface SignedIn {
        void handle(Context ctx, Session session) throws Exception;
    }

    private final Templates templates;
    private final Sessions sessions;
    private final SecureRandom random = new SecureRandom();

    Web(Templates templates, Sessions sessions) {
        this.templates = templates;
        this.sessions = sessions;
    }

    static void headers(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        ctx.header("Cache-Control", "no-store");
    }

    void render(Context ctx, int status, String template, Object model) {
        ctx.status(status).contentType("text/html; charset=utf-8").result(templates.render(template, model));
    }

    static void redirect(Context ctx, String path) {
        ctx.header("Location", path);
        ctx.status(303);
    }

    /** The frame of a signed-in page; {@code ?notice=} picks one of the fixed notices (never echoes the text). */
    static Chrome chrome(Context ctx, String title, Session session, String active) {
        String notice = NOTICES.get(String.valueOf(ctx.queryParam("notice")));
        return new Chrome(title, session.csrf(), active, notice, "ok");
    }

    static Chrome signedOut(Context ctx, String title) {
        String notice = NOTICES.get(String.valueOf(ctx.queryParam("notice")));
        return new Chrome(title, null, "", notice, "ok");
    }

    /** A public page (sign-in, assets): headers and HTML errors. */
    Handler open(Handler handler) {
        return ctx -> {
            headers(ctx);
            try {
                handler.handle(ctx);
            } catch (Exception e) {
                error(ctx, null, e);
            }
        };
    }

    /**
     * A signed-in page: without a live session GETs go to the sign-in page and POSTs are refused; a POST without
     * the session's CSRF token is refused with 403.
     */
    Handler signedIn(SignedIn handler) {
        return ctx -> {
            headers(ctx);
            Optional<Session> session;
            try {
                session = sessions.find(ctx);
            } catch (RuntimeException e) {
                error(ctx, null, e);
                return;
            }
            boolean post = ctx.method().name().equals("POST");
            if (session.isEmpty()) {
                if (post) {
                    forbidden(ctx, null, "Your session has ended: sign in again, then repeat the action.");
                } else {
                    redirect(ctx, ctx.cookie(Sessions.COOKIE) != null ? "/sign-in?notice=expired" : "/sign-in");
                }
                return;
            }
            if (post && !Sessions.csrfMatches(session.get(), ctx.formParam("csrf"))) {
                forbidden(ctx, session.get(), "The form was missing its security token (CSRF); reload the page.");
                return;
            }
            try {
                handler.handle(ctx, session.get());
            } catch (Exception e) {
                error(ctx, session.get(), e);
            }
        };
    }

    void forbidden(Context ctx, @Nullable Session session, String message) {
        Chrome chrome = session == null
                ? new Chrome("Forbidden", null, "", null, "ok")
                : new Chrome("Forbidden", session.csrf(), "", null, "ok");
        render(ctx, 403, "error.jte", new ErrorPage(chrome, 403, message));
    }

    private void error(Context ctx, @Nullable Session session, Exception e) {
        int status;
        String message;
        if (e instanceof ApiException api) {
            status = api.status();
            message = api.detail();
        } else {
            status = 500;
            String id = HexFormat.of().formatHex(nextId());
            LOG.error("dashboard error {} on {} {}", id, ctx.method(), ctx.path(), e);
            message = "Something went wrong; quote error " + id + " when you report it.";
        }
        String title = status == 404 ? "Not found" : status == 500 ? "Error" : "Cannot do that";
        Chrome chrome = new Chrome(title, session == null ? null : session.csrf(), "", null, "ok");
        render(ctx, status, "error.jte", new ErrorPage(chrome, status, message));
    }

    private byte[] nextId() {
        byte[] id = new byte[8];
        random.nextBytes(id);
        return id;
    }
}
