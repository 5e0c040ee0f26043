package dev.signet.emulator.oauth;

import dev.signet.emulator.directory.User;
import dev.signet.emulator.faults.FaultGate;
import dev.signet.emulator.http.Html;
import dev.signet.emulator.http.Json;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /oauth/token}, {@code POST /oauth/revoke}, {@code GET /oauth/authorize} (the consent page) and its
 * form post, which carries {@code state} and the PKCE challenge through as hidden fields.
 */
public final class OAuthRoutes {
    private final OAuthService service;
    private final Consent consent;
    private final Json json;
    private final FaultGate gate;

    public OAuthRoutes(OAuthService service, Consent consent, Json json, FaultGate gate) {
        this.service = service;
        this.consent = consent;
        this.json = json;
        this.gate = gate;
    }

    public void register(RoutesConfig routes) {
        gate.route(routes, "POST", "/oauth/token", this::token);
        routes.get("/oauth/authorize", this::page);
        routes.post("/oauth/authorize", this::decide);
        gate.route(routes, "POST", "/oauth/revoke", this::revoke);
    }

    private void revoke(Context ctx) {
        Object answer = service.revoke(ctx.header("Authorization"), param(ctx, "token"));
        ctx.header("Cache-Control", "no-store");
        json.send(ctx, 200, answer);
    }

    private void token(Context ctx) {
        Object answer = service.token(ctx.header("Authorization"), name -> param(ctx, name));
        ctx.header("Cache-Control", "no-store");
        json.send(ctx, 200, answer);
    }

    private static @Nullable String param(Context ctx, String name) {
        String form = ctx.isFormUrlencoded() ? ctx.formParam(name) : null;
        return form != null ? form : ctx.queryParam(name);
    }

    private void page(Context ctx) {
        Consent.Request request = consent.validate(
                ctx.queryParam("response_type"),
                ctx.queryParam("client_id"),
                ctx.queryParam("redirect_uri"),
                ctx.queryParam("state"),
                ctx.queryParam("code_challenge"),
                ctx.queryParam("code_challenge_method"));
        StringBuilder body = new StringBuilder();
        body.append("<h1>Authorize ")
                .append(Html.escape(request.app().clientId()))
                .append("</h1>");
        body.append("<p>Sign in to the emulated Zoom as one of these users and let the app act for you.</p>");
        body.append("<form method=\"post\" action=\"/oauth/authorize\">");
        hidden(body, "response_type", "code");
        hidden(body, "client_id", request.app().clientId());
        hidden(body, "redirect_uri", request.redirectUri());
        if (request.state() != null) {
            hidden(body, "state", request.state());
        }
        Pkce pkce = request.pkce();
        if (pkce != null) {
            hidden(body, "code_challenge", pkce.challenge());
            hidden(body, "code_challenge_method", pkce.method());
        }
        boolean first = true;
        for (User user : consent.users()) {
            body.append("<p><label><input type=\"radio\" name=\"user_id\" value=\"")
                    .append(Html.escape(user.id()))
                    .append(first ? "\" checked> " : "\"> ")
                    .append(Html.escape(user.displayName()))
                    .append(" &lt;")
                    .append(Html.escape(user.email()))
                    .append("&gt;</label></p>");
            first = false;
        }
        body.append("<button name=\"decision\" value=\"approve\">Approve</button> ");
        body.append("<button name=\"decision\" value=\"deny\">Deny</button></form>");
        ctx.contentType("text/html;charset=UTF-8").result(Html.page("Authorize app", body.toString()));
    }

    private void decide(Context ctx) {
        Consent.Request request = consent.validate(
                ctx.formParam("response_type"),
                ctx.formParam("client_id"),
                ctx.formParam("redirect_uri"),
                ctx.formParam("state"),
                ctx.formParam("code_challenge"),
                ctx.formParam("code_challenge_method"));
        boolean approve = "approve".equals(ctx.formParam("decision"));
        ctx.redirect(consent.decide(request, approve, ctx.formParam("user_id")), HttpStatus.FOUND);
    }

    private static void hidden(StringBuilder body, String name, String value) {
        body.append("<input type=\"hidden\" name=\"")
                .append(Html.escape(name))
                .append("\" value=\"")
                .append(Html.escape(value))
                .append("\">");
    }
}
