package dev.signet.bench.broker;

import dev.signet.zoom.ZoomApiException;
import dev.signet.zoom.ZoomEndpoints;
import dev.signet.zoom.ZoomException;
import dev.signet.zoom.oauth.S2sCredentials;
import dev.signet.zoom.oauth.ZoomOAuth;
import dev.signet.zoom.users.TokenType;
import dev.signet.zoom.users.ZoomUsers;
import io.javalin.Javalin;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;

/** The two comparison servers: a naive handler minting from Zoom on every request, and a constant-string ceiling. */
final class Handlers {
    private Handlers() {}

    /** What the seed pseudocode does: authenticate, call Zoom for a fresh ZAK, answer it (OAuth token cached). */
    static Javalin naive(SlowZoom zoom, HttpClient http, S2sCredentials credentials, String secret, String user) {
        ZoomEndpoints endpoints = ZoomEndpoints.of(zoom.oauthBase(), zoom.apiBase());
        ZoomUsers users = new ZoomUsers(
                http, endpoints, new ZoomOAuth(http, endpoints, credentials, Clock.systemUTC()), Clock.systemUTC());
        return start(app -> app.get("/zoom/zak", ctx -> {
            if (!secret.equals(ctx.queryParam("token"))) {
                ctx.status(401).result("Unauthorized");
                return;
            }
            try {
                ctx.contentType("text/plain")
                        .result(users.token(user, TokenType.ZAK, Duration.ofHours(2), null)
                                .token()
                                .reveal());
            } catch (ZoomApiException e) {
                ctx.status(e.isRateLimited() ? 503 : 502).result("zoom error");
            } catch (ZoomException e) {
                ctx.status(502).result("zoom error");
            }
        }));
    }

    /** The ceiling: the same server stack answering a constant. */
    static Javalin bare() {
        return start(app ->
                app.get("/zoom/zak", ctx -> ctx.contentType("text/plain").result("constant-zak-eyJhbGciOiJIUzI1NiJ9")));
    }

    private static Javalin start(java.util.function.Consumer<io.javalin.config.RoutesConfig> routes) {
        return Javalin.create(config -> {
                    config.concurrency.useVirtualThreads = true;
                    config.startup.showJavalinBanner = false;
                    routes.accept(config.routes);
                })
                .start("127.0.0.1", 0);
    }
}
