package dev.signet.platform.webhook;

import dev.signet.platform.http.JsonCodec;
import dev.signet.platform.time.Pause;
import dev.signet.webhooks.WebhookSecret;
import dev.signet.webhooks.WebhookSigner;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jdbi.v3.core.Jdbi;

/** The webhook feature, wired: outbox, delivery worker, operator routes and the deliveries gauge. */
public final class Webhooks implements AutoCloseable {
    private final WebhookOutbox outbox;
    private final WebhookRepository repository;
    private final WebhookDeliverer deliverer;
    private final WebhookRoutes routes;
    private final DeliveryConsole console;
    private final MultiGauge gauge;
    private final HttpClient http;
    private final ExecutorService httpExecutor = Executors.newVirtualThreadPerTaskExecutor();

    public Webhooks(
            Jdbi jdbi,
            WebhookSettings settings,
            JsonCodec json,
            Clock clock,
            Pause pause,
            MeterRegistry meters,
            SecureRandom random) {
        this.repository = new WebhookRepository(jdbi);
        // Without endpoints nothing is sent; a throwaway secret keeps the signer non-null.
        WebhookSecret secret = settings.secret() != null ? settings.secret() : WebhookSecret.generate(random);
        WebhookSigner signer = new WebhookSigner(List.of(secret));
        this.http = HttpClient.newBuilder()
                .connectTimeout(Collections.min(List.of(settings.timeout(), Duration.ofSeconds(10))))
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(httpExecutor)
                .build();
        this.deliverer = new WebhookDeliverer(repository, settings, signer, http, clock, pause, meters);
        this.outbox = new WebhookOutbox(settings, json, clock, random, deliverer::wake);
        this.routes = new WebhookRoutes(repository, json, clock, deliverer);
        this.console = new DeliveryConsole(repository, deliverer, clock);
        this.gauge = MultiGauge.builder("signet.webhook.deliveries")
                .description("Webhook deliveries in the outbox by state")
                .register(meters);
    }

    public WebhookOutbox outbox() {
        return outbox;
    }

    /** Starts delivering: whatever is due, including what a previous run left pending, is sent now. */
    public void start() {
        deliverer.start();
    }

    /** The operator routes' operations for the dashboard. */
    public DeliveryConsole console() {
        return console;
    }

    public WebhookRoutes routes() {
        return routes;
    }

    /** Re-reads the deliveries-by-state gauge from the database (once per scrape). */
    public void refreshGauge() {
        gauge.register(
                repository.countByStatus().entrySet().stream()
                        .map(e -> MultiGauge.Row.of(Tags.of("state", e.getKey().wire()), e.getValue()))
                        .toList(),
                true);
    }

    @Override
    public void close() {
        deliverer.close();
        http.shutdownNow();
        httpExecutor.shutdownNow();
    }
}
