package dev.signet.platform.dashboard;

import dev.signet.platform.bot.BotConsole;
import dev.signet.platform.http.ApiKeys;
import dev.signet.platform.http.JsonCodec;
import dev.signet.platform.time.Pause;
import dev.signet.platform.webhook.DeliveryConsole;
import io.javalin.config.RoutesConfig;
import io.javalin.http.sse.SseHandler;
import java.security.SecureRandom;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/**
 * The dashboard on the API's port (decision 0021): {@code /sign-in}, {@code /bots}, {@code /bots/new},
 * {@code /bots/{id}}, {@code /webhooks}, the live stream {@code /live} and {@code /assets/*}; the API stays under
 * {@code /api}. Every page calls the same services as the API ({@link BotConsole}, {@link DeliveryConsole}); the
 * only SQL here is the session table's.
 */
public final class Dashboard {
    private final Web web;
    private final SignInPages signIn;
    private final BotPages bots;
    private final WebhookPages webhooks;
    private final LiveStream live;
    private final Assets assets = new Assets();
    private final boolean enabled;

    public Dashboard(
            BotConsole botConsole,
            DeliveryConsole deliveryConsole,
            Jdbi jdbi,
            ApiKeys keys,
            JsonCodec json,
            Clock clock,
            Pause pause,
            SecureRandom random,
            DashboardSettings settings) {
        this.enabled = settings.enabled();
        Sessions sessions = new Sessions(new SessionStore(jdbi), clock, random, settings);
        Views views = new Views(new Times(clock));
        this.web = new Web(new Templates(), sessions);
        this.signIn = new SignInPages(
                web, sessions, keys, new SignInLimiter(clock, settings.signInAttempts(), settings.signInWindow()));
        this.bots = new BotPages(web, botConsole, deliveryConsole, views);
        this.webhooks = new WebhookPages(web, deliveryConsole, views);
        this.live = new LiveStream(sessions, botConsole, views, json, pause, settings.livePollInterval());
    }

    /** Adds the dashboard's routes, or none when it is switched off. */
    public void register(RoutesConfig routes) {
        if (!enabled) {
            return;
        }
        routes.get("/", web.open(signIn::home));
        routes.get("/sign-in", web.open(signIn::form));
        routes.post("/sign-in", web.open(signIn::signIn));
        routes.post("/sign-out", web.signedIn(signIn::signOut));
        routes.get("/bots", web.signedIn(bots::list));
        routes.get("/bots/new", web.signedIn(bots::form));
        routes.post("/bots/new", web.signedIn(bots::create));
        routes.get("/bots/{id}", web.signedIn(bots::show));
        routes.post("/bots/{id}/leave", web.signedIn(bots::leave));
        routes.post("/bots/{id}/delete", web.signedIn(bots::delete));
        routes.get("/webhooks", web.signedIn(webhooks::list));
        routes.post("/webhooks/{id}/replay", web.signedIn(webhooks::replay));
        routes.get("/live", new SseHandler(0, live::stream));
        routes.get("/assets/{name}", web.open(assets::serve));
    }
}
