package dev.signet.platform.dashboard;

import dev.signet.platform.dashboard.Model.WebhooksPage;
import dev.signet.platform.dashboard.Sessions.Session;
import dev.signet.platform.http.ApiException;
import dev.signet.platform.webhook.DeliveryConsole;
import dev.signet.platform.webhook.DeliveryStatus;
import io.javalin.http.Context;

/** {@code /webhooks}: failed and pending deliveries, with Replay. */
final class WebhookPages {
    private static final int SHOWN = 100;

    private final Web web;
    private final DeliveryConsole deliveries;
    private final Views views;

    WebhookPages(Web web, DeliveryConsole deliveries, Views views) {
        this.web = web;
        this.deliveries = deliveries;
        this.views = views;
    }

    void list(Context ctx, Session session) {
        web.render(
                ctx,
                200,
                "webhooks.jte",
                new WebhooksPage(
                        Web.chrome(ctx, "Webhooks", session, "webhooks"),
                        deliveries.list(DeliveryStatus.FAILED, SHOWN).stream()
                                .map(views::delivery)
                                .toList(),
                        deliveries.list(DeliveryStatus.PENDING, SHOWN).stream()
                                .map(views::delivery)
                                .toList()));
    }

    void replay(Context ctx, Session session) {
        if (!deliveries.replay(ctx.pathParam("id"))) {
            throw ApiException.notFound("No webhook delivery with this id.");
        }
        Web.redirect(ctx, "/webhooks?notice=replayed");
    }
}
