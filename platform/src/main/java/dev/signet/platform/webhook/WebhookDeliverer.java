package dev.signet.platform.webhook;

import dev.signet.platform.time.Doorbell;
import dev.signet.platform.time.Pause;
import dev.signet.webhooks.SignedHeaders;
import dev.signet.webhooks.WebhookSigner;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox worker: a virtual thread that delivers due webhooks, each attempt on its own virtual thread.
 *
 * <p>Every attempt carries the delivery's stable {@code webhook-id} and a fresh timestamp and signature. A
 * non-2xx answer or a network error schedules the next retry from the backoff list; after the last one the
 * delivery is {@code failed}. Pending rows survive restarts: whatever is due is picked up on start.
 */
final class WebhookDeliverer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDeliverer.class);
    private static final int BATCH = 200;

    private final WebhookRepository repository;
    private final WebhookSettings settings;
    private final WebhookSigner signer;
    private final HttpClient http;
    private final Clock clock;
    private final DeliveryMetrics metrics;
    private final Doorbell doorbell;
    private final ExecutorService attempts = Executors.newVirtualThreadPerTaskExecutor();
    private volatile boolean running;
    private @Nullable Thread worker;

    WebhookDeliverer(
            WebhookRepository repository,
            WebhookSettings settings,
            WebhookSigner signer,
            HttpClient http,
            Clock clock,
            Pause pause,
            MeterRegistry meters) {
        this.repository = repository;
        this.settings = settings;
        this.signer = signer;
        this.http = http;
        this.clock = clock;
        this.doorbell = new Doorbell(pause);
        this.metrics = new DeliveryMetrics(meters);
    }

    /** Starts the worker thread. */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        worker = Thread.ofVirtual().name("webhook-deliverer").start(this::loop);
    }

    /** Looks for due deliveries now (call after a transaction that queued some has committed). */
    public void wake() {
        doorbell.ring();
    }

    private void loop() {
        while (running) {
            try {
                deliverDue();
                awaitWork();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return; // stopping: the attempts pool is shut down; claimed rows are retried after a restart
                }
                // A database hiccup must not kill the worker; the rows stay pending and are retried.
                LOG.warn("webhook delivery pass failed: {}", e.toString());
                try {
                    doorbell.await(settings.pollInterval());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void deliverDue() {
        Instant now = clock.instant();
        List<Delivery> due = repository.due(now, BATCH);
        Instant lease = now.plus(settings.timeout()).plus(settings.timeout());
        for (Delivery delivery : due) {
            if (repository.claim(delivery.id(), now, lease)) {
                attempts.execute(() -> attemptSafely(delivery));
            }
        }
    }

    private void awaitWork() throws InterruptedException {
        Duration wait = settings.pollInterval();
        var next = repository.nextDue();
        if (next.isPresent()) {
            Duration untilDue = Duration.between(clock.instant(), next.get());
            if (untilDue.compareTo(wait) < 0) {
                wait = untilDue.isNegative() ? Duration.ZERO : untilDue;
            }
        }
        doorbell.await(wait);
    }

    /**
     * One attempt on the attempts pool: a failure to record it (the database went away, or shutdown interrupted
     * the attempt) leaves the row leased and pending, so it is made again once the lease ends — never lost.
     */
    private void attemptSafely(Delivery delivery) {
        try {
            attempt(delivery);
        } catch (RuntimeException e) {
            if (running && !Thread.currentThread().isInterrupted()) {
                LOG.warn(
                        "webhook {} attempt could not be recorded; it will be retried: {}",
                        delivery.id(),
                        e.toString());
            }
        }
    }

    void attempt(Delivery delivery) {
        int attempt = delivery.attempts() + 1;
        String error = send(delivery);
        if (Thread.currentThread().isInterrupted()) {
            // Stopping: leave the row pending; its lease ends and the attempt is made again after a restart.
            return;
        }
        Instant now = clock.instant();
        if (error == null) {
            repository.record(delivery.id(), DeliveryStatus.DELIVERED, attempt, now, null, now);
            metrics.attempt("delivered");
            return;
        }
        List<Duration> backoff = settings.backoff();
        if (attempt <= backoff.size()) {
            Instant next = now.plus(backoff.get(attempt - 1));
            repository.record(delivery.id(), DeliveryStatus.PENDING, attempt, next, error, now);
            metrics.attempt("retry");
            LOG.info(
                    "webhook {} {} attempt {} failed ({}); next at {}",
                    delivery.id(),
                    delivery.event(),
                    attempt,
                    error,
                    next);
        } else {
            repository.record(delivery.id(), DeliveryStatus.FAILED, attempt, now, error, now);
            metrics.attempt("failed");
            LOG.warn("webhook {} {} failed after {} attempts: {}", delivery.id(), delivery.event(), attempt, error);
        }
        wake();
    }

    /** Sends one attempt; {@code null} on 2xx, else why it failed (no URL, no body, no secret). */
    private @Nullable String send(Delivery delivery) {
        byte[] body = delivery.payload().getBytes(StandardCharsets.UTF_8);
        SignedHeaders headers = signer.sign(delivery.id(), clock.instant(), body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(delivery.endpoint()))
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "Signet-Webhooks/1")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.asMap().forEach(request::header);
        try {
            HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return status >= 200 && status < 300 ? null : "HTTP " + status;
        } catch (HttpTimeoutException e) {
            return "no answer within " + settings.timeout().toMillis() + " ms";
        } catch (ConnectException e) {
            return "connection refused or unreachable";
        } catch (IOException e) {
            return "network error (" + e.getClass().getSimpleName() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted (platform stopping)";
        } catch (IllegalArgumentException e) {
            return "invalid endpoint URL";
        }
    }

    @Override
    public void close() {
        Thread thread;
        synchronized (this) {
            running = false;
            thread = worker;
        }
        wake();
        attempts.shutdownNow();
        try {
            if (thread != null) {
                thread.interrupt();
                thread.join(Duration.ofSeconds(5));
            }
            attempts.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
