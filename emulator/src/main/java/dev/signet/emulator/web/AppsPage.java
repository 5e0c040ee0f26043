package dev.signet.emulator.web;

import dev.signet.emulator.deauth.Deauthorizer;
import dev.signet.emulator.deauth.Delivery;
import dev.signet.emulator.directory.Directory;
import dev.signet.emulator.directory.OAuthApp;
import dev.signet.emulator.directory.User;
import dev.signet.emulator.http.EmulatorException;
import dev.signet.emulator.http.Html;
import dev.signet.emulator.oauth.Authorizations;
import dev.signet.emulator.oauth.Grants;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.temporal.ChronoUnit;

/**
 * The users' authorized apps, for people: each grant with a "Remove app" button that deauthorizes it as a Zoom user
 * would (the app's {@code app_deauthorized} event is sent, and the result page says what its endpoint answered).
 */
public final class AppsPage {
    private final Authorizations authorizations;
    private final Directory directory;
    private final Deauthorizer deauthorizer;

    public AppsPage(Authorizations authorizations, Directory directory, Deauthorizer deauthorizer) {
        this.authorizations = authorizations;
        this.directory = directory;
        this.deauthorizer = deauthorizer;
    }

    public void register(RoutesConfig routes) {
        routes.get("/emulator/web/apps", this::list);
        routes.post("/emulator/web/apps/deauthorize", this::remove);
    }

    private void list(Context ctx) {
        StringBuilder body = new StringBuilder();
        body.append("<p><a href=\"/emulator/web/meetings\">Meetings</a></p><h1>Authorized apps</h1>");
        body.append("<table><tr><th>User</th><th>App</th><th>Authorized</th><th>Event URL</th><th></th></tr>");
        for (Grants.Grant grant : authorizations.all()) {
            String user = directory
                    .findUser(grant.userId())
                    .map(u -> u.displayName() + " <" + u.email() + ">")
                    .orElse(grant.userId());
            boolean events = directory
                    .findOAuthApp(grant.clientId())
                    .map(a -> a.eventUrl() != null)
                    .orElse(false);
            body.append("<tr><td>")
                    .append(Html.escape(user))
                    .append("</td><td>")
                    .append(Html.escape(grant.clientId()))
                    .append("</td><td>")
                    .append(Html.escape(
                            grant.authorizedAt().truncatedTo(ChronoUnit.SECONDS).toString()))
                    .append("</td><td>")
                    .append(events ? "yes" : "<span class=\"muted\">none</span>")
                    .append("</td><td><form method=\"post\" action=\"/emulator/web/apps/deauthorize\">")
                    .append(hidden("user_id", grant.userId()))
                    .append(hidden("client_id", grant.clientId()))
                    .append("<button>Remove app</button></form></td></tr>");
        }
        body.append("</table>");
        if (authorizations.all().isEmpty()) {
            body.append("<p class=\"muted\">No user has authorized an app yet.</p>");
        }
        html(ctx, Html.page("Authorized apps", body.toString()));
    }

    private void remove(Context ctx) {
        String userId = ctx.formParam("user_id");
        String clientId = ctx.formParam("client_id");
        if (userId == null || clientId == null) {
            throw EmulatorException.badRequest("user_id and client_id are required");
        }
        Deauthorizer.Outcome outcome = deauthorizer.deauthorize(userId, clientId);
        User user = outcome.user();
        OAuthApp app = outcome.app();
        StringBuilder body = new StringBuilder();
        body.append("<p><a href=\"/emulator/web/apps\">Authorized apps</a></p><h1>App removed</h1><p>")
                .append(Html.escape(user.displayName()))
                .append(" removed ")
                .append(Html.escape(app.clientId()))
                .append(". Its tokens no longer work.</p><p>Deauthorization event: ")
                .append(Html.escape(describe(outcome.delivery())))
                .append("</p>");
        html(ctx, Html.page("App removed", body.toString()));
    }

    private static String describe(Delivery delivery) {
        if (!delivery.attempted()) {
            return "not sent (" + delivery.error() + ")";
        }
        return delivery.status() != null
                ? "sent; the app's endpoint answered " + delivery.status()
                : "failed (" + delivery.error() + ")";
    }

    private static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + Html.escape(name) + "\" value=\"" + Html.escape(value) + "\">";
    }

    private static void html(Context ctx, String page) {
        ctx.contentType("text/html;charset=UTF-8").result(page);
    }
}
