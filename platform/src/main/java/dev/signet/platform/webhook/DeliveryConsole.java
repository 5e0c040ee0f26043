package dev.signet.platform.webhook;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * The operator routes' operations for another front end in this process (the dashboard): deliveries by status or
 * by bot, with endpoint query values redacted as {@code GET /api/v1/webhook-deliveries/} shows them, and replay.
 */
public final class DeliveryConsole {
    private final WebhookRepository repository;
    private final WebhookDeliverer deliverer;
    private final Clock clock;

    DeliveryConsole(WebhookRepository repository, WebhookDeliverer deliverer, Clock clock) {
        this.repository = repository;
        this.deliverer = deliverer;
        this.clock = clock;
    }

    /** The newest {@code limit} deliveries in {@code status}, newest first. */
    public List<Delivery> list(DeliveryStatus status, int limit) {
        return repository.list(status, null, null, limit).stream()
                .map(DeliveryConsole::redacted)
                .toList();
    }

    /** The newest {@code limit} deliveries about one bot, newest first. */
    public List<Delivery> forBot(UUID botId, int limit) {
        return repository.forBot(botId, limit).stream()
                .map(DeliveryConsole::redacted)
                .toList();
    }

    /**
     * Makes a delivery pending and due now with a fresh retry budget, as {@code POST …/replay/} does.
     *
     * @return {@code false} when there is no such delivery
     */
    public boolean replay(String id) {
        if (!repository.replay(id, clock.instant())) {
            return false;
        }
        deliverer.replayed();
        return true;
    }

    private static Delivery redacted(Delivery d) {
        return new Delivery(
                d.id(),
                d.botId(),
                d.event(),
                WebhookRoutes.redactQuery(d.endpoint()),
                d.payload(),
                d.status(),
                d.attempts(),
                d.nextAttemptAt(),
                d.lastError(),
                d.createdAt(),
                d.updatedAt());
    }
}
