package dev.signet.platform.webhook;

import dev.signet.platform.crypto.SealedColumn;
import dev.signet.platform.crypto.SecretBox;
import dev.signet.platform.http.JsonCodec;
import dev.signet.platform.time.Pause;
import dev.signet.secrets.Secret;
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
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The webhook feature, wired: outbox, delivery worker, operator routes and the deliveries gauge. */
public final class Webhooks implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Webhooks.class);
    private static final int PAGE = 500;

    private final WebhookOutbox outbox;
    private final WebhookRepository repository;
    private final WebhookDeliverer deliverer;
    private final WebhookRoutes routes;
    private final DeliveryConsole console;
    private final MultiGauge gauge;
    private final SecretBox box;
    private final HttpClient http;
    private final ExecutorService httpExecutor = Executors.newVirtualThreadPerTaskExecutor();

    public Webhooks(
            Jdbi jdbi,
            WebhookSettings settings,
            SecretBox box,
            JsonCodec json,
            Clock clock,
            Pause pause,
            MeterRegistry meters,
            SecureRandom random) {
        this.repository = new WebhookRepository(jdbi);
        this.box = box;
        // Without endpoints nothing is sent; a throwaway secret keeps the signer non-null.
        WebhookSecret secret = settings.secret() != null ? settings.secret() : WebhookSecret.generate(random);
        WebhookSigner signer = new WebhookSigner(List.of(secret));
        this.http = HttpClient.newBuilder()
                .connectTimeout(Collections.min(List.of(settings.timeout(), Duration.ofSeconds(10))))
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(httpExecutor)
                .build();
        this.deliverer = new WebhookDeliverer(repository, settings, signer, box, http, clock, pause, meters);
        this.outbox = new WebhookOutbox(settings, box, json, clock, random, deliverer::wake);
        this.routes = new WebhookRoutes(repository, json, clock, deliverer);
        this.console = new DeliveryConsole(repository, deliverer, clock);
        this.gauge = MultiGauge.builder("signet.webhook.deliveries")
                .description("Webhook deliveries in the outbox by state")
                .register(meters);
    }

    /** The column holding sealed endpoint URLs, for re-sealing under a new key ({@code Reseal}). */
    public static SealedColumn sealedEndpoints() {
        return WebhookOutbox.ENDPOINT_SEALED;
    }

    public WebhookOutbox outbox() {
        return outbox;
    }

    /**
     * Starts delivering: whatever is due, including what a previous run left pending, is sent now. Rows from before
     * endpoints were sealed are sealed first.
     */
    public void start() {
        sealPlainEndpoints();
        deliverer.start();
    }

    /** Seals the endpoints of rows written before they were stored sealed (V20), page by page. */
    private void sealPlainEndpoints() {
        try {
            int sealed = 0;
            while (true) {
                List<Map.Entry<String, String>> page = repository.unsealed(PAGE);
                if (page.isEmpty()) {
                    break;
                }
                int before = sealed;
                for (Map.Entry<String, String> row : page) {
                    String id = row.getKey();
                    String plain = row.getValue();
                    if (repository.seal(
                            id,
                            plain,
                            box.seal(Secret.of(plain), WebhookOutbox.ENDPOINT_SEALED.at(id)),
                            WebhookRoutes.redactQuery(plain))) {
                        sealed++;
                    }
                }
                if (sealed == before) {
                    break; // nothing changed on this page: another node is sealing it
                }
            }
            if (sealed > 0) {
                LOG.info("sealed the endpoint URLs of {} webhook deliveries", sealed);
            }
        } catch (RuntimeException e) {
            // Those rows are still delivered (to their plain URL); the next start seals them.
            LOG.warn("sealing stored webhook endpoint URLs failed: {}", e.toString());
        }
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
