package dev.signet.broker.connect;

import dev.signet.broker.auth.AdminAuth;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * The connect flow's pages: {@code GET /connect} (an admin bearer secret or a signed link's {@code expires} and
 * {@code sig}) redirects to Zoom's consent page; the callback at the redirect URL's path stores the grant and shows
 * the person a plain page saying whom they connected as, or what went wrong.
 */
public final class ConnectRoutes {
    /** The path of the link operators hand out. */
    public static final String CONNECT_PATH = "/connect";

    private final ConnectService service;
    private final ConnectLinks links;
    private final AdminAuth admin;
    private final String callbackPath;

    /**
     * @param callbackPath the path of the configured redirect URL, where Zoom sends the user back
     */
    public ConnectRoutes(ConnectService service, ConnectLinks links, AdminAuth admin, String callbackPath) {
        this.service = service;
        this.links = links;
        this.admin = admin;
        this.callbackPath = callbackPath;
    }

    public void register(RoutesConfig routes) {
        routes.get(CONNECT_PATH, this::connect);
        routes.get(callbackPath, this::callback);
    }

    private void connect(Context ctx) {
        boolean allowed = admin.allows(ctx.header("Authorization"))
                || links.valid(ctx.queryParam("expires"), ctx.queryParam("sig"));
        if (!allowed) {
            html(
                    ctx,
                    401,
                    Pages.page(
                            "This link does not work",
                            "The connect link is not valid or has expired.",
                            "Ask the person who sent it for a new one."));
            return;
        }
        ctx.status(302);
        ctx.header("Cache-Control", "no-store");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Location", service.start().toString());
    }

    private void callback(Context ctx) {
        switch (service.finish(ctx.queryParam("code"), ctx.queryParam("state"), ctx.queryParam("error"))) {
            case ConnectOutcome.Connected connected ->
                html(
                        ctx,
                        200,
                        Pages.page(
                                "Connected",
                                "Your Zoom account " + connected.user().displayName() + " ("
                                        + connected.user().email() + ") is connected.",
                                "Bots can now join meetings you attend on your behalf. You can close this page."));
            case ConnectOutcome.Denied denied ->
                html(
                        ctx,
                        403,
                        Pages.page(
                                "Not connected",
                                "You declined on Zoom's page, so nothing was connected.",
                                "Open the link again if you change your mind."));
            case ConnectOutcome.InvalidState invalid ->
                html(
                        ctx,
                        400,
                        Pages.page(
                                "Not connected",
                                "Something went wrong: " + invalid.why() + ".",
                                "Open the connect link you were given again to start over."));
            case ConnectOutcome.Refused refused ->
                html(
                        ctx,
                        502,
                        Pages.page(
                                "Not connected",
                                "Zoom did not accept the sign-in (" + refused.reason() + ").",
                                "Open the connect link you were given again to start over."));
            case ConnectOutcome.Failed failed ->
                html(
                        ctx,
                        502,
                        Pages.page(
                                "Not connected",
                                "Zoom could not be reached to finish the connection (" + failed.reason() + ").",
                                "Please try again in a few minutes."));
        }
    }

    private static void html(Context ctx, int status, String body) {
        ctx.status(status);
        ctx.header("Cache-Control", "no-store");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.contentType("text/html; charset=utf-8");
        ctx.result(body);
    }
}
