package dev.signet.platform.dashboard;

import dev.signet.platform.dashboard.Model.Chrome;
import dev.signet.platform.dashboard.Model.SignInPage;
import dev.signet.platform.dashboard.Sessions.Session;
import dev.signet.platform.http.ApiKeys;
import io.javalin.http.Context;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** {@code /sign-in} and {@code /sign-out}: an API key in a form becomes a session cookie. */
final class SignInPages {
    private final Web web;
    private final Sessions sessions;
    private final ApiKeys keys;
    private final SignInLimiter limiter;

    SignInPages(Web web, Sessions sessions, ApiKeys keys, SignInLimiter limiter) {
        this.web = web;
        this.sessions = sessions;
        this.keys = keys;
        this.limiter = limiter;
    }

    void home(Context ctx) {
        Web.redirect(ctx, sessions.find(ctx).isPresent() ? "/bots" : "/sign-in");
    }

    void form(Context ctx) {
        if (sessions.find(ctx).isPresent()) {
            Web.redirect(ctx, "/bots");
            return;
        }
        show(ctx, 200, null);
    }

    void signIn(Context ctx) {
        if (!Sessions.signInTokenMatches(ctx, ctx.formParam("csrf"))) {
            web.forbidden(ctx, null, "The sign-in form was missing its security token (CSRF); reload the page.");
            return;
        }
        Duration wait = limiter.attempt(ctx.ip());
        if (!wait.isZero()) {
            ctx.header("Retry-After", String.valueOf(Math.max(1, wait.toSeconds())));
            show(ctx, 429, "Too many sign-in attempts: wait " + Math.max(1, wait.toSeconds()) + " s and try again.");
            return;
        }
        String key = ctx.formParam("api_key");
        if (key == null || key.isBlank() || !keys.accepts(key)) {
            show(ctx, 401, "That API key is not one of this platform's keys.");
            return;
        }
        sessions.sweep(); // expired sessions are refused anyway; this keeps the table small
        sessions.start(ctx);
        Web.redirect(ctx, "/bots");
    }

    void signOut(Context ctx, Session session) {
        sessions.end(ctx, session);
        Web.redirect(ctx, "/sign-in?notice=signed-out");
    }

    private void show(Context ctx, int status, @Nullable String error) {
        Chrome chrome = Web.signedOut(ctx, "Sign in");
        web.render(ctx, status, "sign-in.jte", new SignInPage(chrome, sessions.signInToken(ctx), error));
    }
}
