package dev.signet.platform.webhook;

import dev.signet.platform.crypto.SecretBox;
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
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox worker: a virtual thread that claims due webhooks in batches, endpoint by endpoint, and runs each
 * attempt on its own virtual thread — at most {@link WebhookSettings#maxConcurrentPerEndpoint} at once per endpoint.
 *
 * <p>Every attempt carries the delivery's stable {@code webhook-id} and a fresh timestamp and signature, and has one
 * deadline for the whole exchange (headers and body), shorter than the claim's lease, so a slow receiver cannot make
 * another claim send the same webhook while it is still being sent. A non-2xx answer or a network error schedules
 * the next retry from the backoff list; after the last one the delivery is {@code failed}. Outcomes are recorded in
 * batches ({@link OutcomeRecorder}). Pending rows survive restarts: whatever is due is picked up on start.
 */
final class WebhookDeliverer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDeliverer.class);
    /** The most rows one claim takes (each endpoint's cap is usually lower). */
    static final int BATCH = 200;
    /**
     * Outcomes waiting for the recorder past which no new attempts are claimed: sends never run far ahead of the
     * database, so an outage stops them too.
     */
    static final int UNRECORDED = OutcomeRecorder.BATCH;
    /** How often endpoints no longer configured are looked for in the table (replayed or queued before a change). */
    private static final Duration DISCOVERY = Duration.ofSeconds(10);
    /**
     * While fewer than half of an endpoint's slots are free, how long after its last claim the next one waits for
     * more slots to free up (decision 0017's update): every claim is a transaction, so one slot at a time would cost a
     * commit per webhook under load.
     */
    static final Duration CLAIM_GAP = Duration.ofMillis(20);

    private final WebhookRepository repository;
    private final WebhookSettings settings;
    private final WebhookSigner signer;
    private final SecretBox box;
    private final HttpClient http;
    private final Clock clock;
    private final DeliveryMetrics metrics;
    private final Doorbell doorbell;
    private final EndpointSlots slots;
    private final OutcomeRecorder recorder;
    private final Set<String> configured = new LinkedHashSet<>();
    private final ExecutorService attempts = Executors.newVirtualThreadPerTaskExecutor();
    private volatile boolean running;
    private volatile boolean rediscover = true;
    private List<String> discovered = List.of(); // the worker's own
    private @Nullable Instant discoveredAt; // the worker's own
    private final Map<String, Instant> lastClaim = new HashMap<>(); // the worker's own
    private @Nullable Instant nextClaim; // the worker's own: when a claim held back for more free slots may run
    private @Nullable Thread worker;

    WebhookDeliverer(
            WebhookRepository repository,
            WebhookSettings settings,
            WebhookSigner signer,
            SecretBox box,
            HttpClient http,
            Clock clock,
            Pause pause,
            MeterRegistry meters) {
        this.repository = repository;
        this.settings = settings;
        this.signer = signer;
        this.box = box;
        this.http = http;
        this.clock = clock;
        this.doorbell = new Doorbell(pause);
        this.metrics = new DeliveryMetrics(meters);
        this.slots = new EndpointSlots(settings.maxConcurrentPerEndpoint());
        this.recorder = new OutcomeRecorder(repository::record, pause);
        for (URI endpoint : settings.endpoints()) {
            configured.add(WebhookRoutes.redactQuery(endpoint.toString()));
        }
    }

    /** Starts the worker thread. */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        recorder.start();
        worker = Thread.ofVirtual().name("webhook-deliverer").start(this::loop);
    }

    /** Looks for due deliveries now (call after a transaction that queued some has committed). */
    public void wake() {
        doorbell.ring();
    }

    /** Looks for due deliveries now, of every endpoint in the table (a replayed one may no longer be configured). */
    public void replayed() {
        rediscover = true;
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
        nextClaim = null;
        if (recorder.waiting() >= UNRECORDED) {
            return; // the database is behind: no new sends until outcomes are written (the recorder rings)
        }
        Instant now = clock.instant();
        Instant lease = now.plus(settings.lease());
        for (String endpoint : endpoints(now)) {
            int free = slots.free(endpoint);
            if (free <= 0 || heldBack(endpoint, free, now)) {
                continue;
            }
            List<Claimed> claimed =
                    repository.claim(endpoint, now, lease, UUID.randomUUID().toString(), Math.min(free, BATCH));
            if (claimed.isEmpty()) {
                lastClaim.remove(endpoint);
            } else {
                lastClaim.put(endpoint, now);
            }
            for (Claimed c : claimed) {
                slots.acquire(endpoint);
                attempts.execute(() -> attemptSafely(c));
            }
        }
    }

    /**
     * Whether a claim for {@code endpoint} waits for more free slots: only while at least half its slots are busy and
     * its last claim (which found rows) was less than {@link #CLAIM_GAP} ago. A quiet endpoint is claimed for at once;
     * a busy one in batches of half its cap or more, or every gap. A slot freed later rings the worker, and
     * {@link #awaitWork} wakes at the gap's end in case none does.
     */
    private boolean heldBack(String endpoint, int free, Instant now) {
        Instant last = lastClaim.get(endpoint);
        if (free * 2 >= settings.maxConcurrentPerEndpoint() || last == null) {
            return false;
        }
        Instant next = last.plus(CLAIM_GAP);
        if (!now.isBefore(next)) {
            return false;
        }
        if (nextClaim == null || next.isBefore(nextClaim)) {
            nextClaim = next;
        }
        return true;
    }

    /** The configured endpoints, and now and then those only the table knows. */
    private Set<String> endpoints(Instant now) {
        if (rediscover || discoveredAt == null || !now.isBefore(discoveredAt.plus(DISCOVERY))) {
            rediscover = false;
            discovered = repository.dueEndpoints(now);
            discoveredAt = now;
        }
        Set<String> all = new LinkedHashSet<>(configured);
        all.addAll(discovered);
        return all;
    }

    private void awaitWork() throws InterruptedException {
        if (nextClaim != null) {
            // A claim held back for more free slots: rows are due, and a freed slot rings before the gap ends.
            Duration untilClaim = Duration.between(clock.instant(), nextClaim);
            doorbell.await(untilClaim.isNegative() ? Duration.ZERO : untilClaim);
            return;
        }
        Duration wait = settings.pollInterval();
        var next = repository.nextDue();
        if (next.isPresent()) {
            Duration untilDue = Duration.between(clock.instant(), next.get());
            if (untilDue.isPositive() && untilDue.compareTo(wait) < 0) {
                wait = untilDue;
            }
            // Due now but not claimed: its endpoint is at its cap (a finished attempt rings) or it was just claimed
            // elsewhere; wait the poll interval rather than spin.
        }
        doorbell.await(wait);
    }

    /**
     * One attempt on the attempts pool. The endpoint's slot is freed as soon as the exchange ends, so the next claim
     * need not wait for this outcome's write; the row stays claimed (its lease) until the recorder writes the outcome,
     * so no other claim sends it meanwhile. If the platform stops during the attempt, nothing is recorded: the row
     * stays claimed and pending, and is attempted again when its lease ends — never lost.
     */
    private void attemptSafely(Claimed claimed) {
        String endpoint = claimed.delivery().endpoint();
        Outcome outcome = null;
        try {
            outcome = attempt(claimed);
        } catch (RuntimeException e) {
            LOG.warn(
                    "webhook {} attempt failed unexpectedly: {}",
                    claimed.delivery().id(),
                    e.toString());
        } finally {
            slots.release(endpoint);
            wake();
        }
        if (outcome != null) {
            recorder.add(outcome, this::wake);
        }
    }

    /** Sends one attempt and says what to record, or {@code null} when the platform is stopping. */
    @Nullable
    Outcome attempt(Claimed claimed) {
        Delivery delivery = claimed.delivery();
        int attempt = delivery.attempts() + 1;
        String error = send(claimed);
        if (Thread.currentThread().isInterrupted()) {
            return null;
        }
        Instant now = clock.instant();
        if (error == null) {
            metrics.attempt("delivered");
            return new Outcome(delivery.id(), claimed.claimId(), DeliveryStatus.DELIVERED, attempt, now, null, now);
        }
        List<Duration> backoff = settings.backoff();
        if (attempt <= backoff.size()) {
            Instant next = now.plus(backoff.get(attempt - 1));
            metrics.attempt("retry");
            LOG.info(
                    "webhook {} {} to {} attempt {} failed ({}); next at {}",
                    delivery.id(),
                    delivery.event(),
                    delivery.endpoint(),
                    attempt,
                    error,
                    next);
            return new Outcome(delivery.id(), claimed.claimId(), DeliveryStatus.PENDING, attempt, next, error, now);
        }
        metrics.attempt("failed");
        LOG.warn(
                "webhook {} {} to {} failed after {} attempts: {}",
                delivery.id(),
                delivery.event(),
                delivery.endpoint(),
                attempt,
                error);
        return new Outcome(delivery.id(), claimed.claimId(), DeliveryStatus.FAILED, attempt, now, error, now);
    }

    /** Sends one attempt; {@code null} on 2xx, else why it failed (no URL, no body, no secret). */
    private @Nullable String send(Claimed claimed) {
        Delivery delivery = claimed.delivery();
        String url;
        try {
            url = claimed.endpointSealed() == null
                    ? delivery.endpoint()
                    : box.open(claimed.endpointSealed(), WebhookOutbox.ENDPOINT_SEALED.at(delivery.id()))
                            .reveal();
        } catch (IllegalArgumentException e) {
            return "endpoint URL does not open with the configured encryption keys";
        }
        byte[] body = delivery.payload().getBytes(StandardCharsets.UTF_8);
        SignedHeaders headers = signer.sign(delivery.id(), clock.instant(), body);
        Duration deadline = settings.timeout();
        CompletableFuture<HttpResponse<Void>> exchange;
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(deadline)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Signet-Webhooks/1")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            headers.asMap().forEach(request::header);
            exchange = http.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding());
        } catch (IllegalArgumentException e) {
            return "invalid endpoint URL";
        }
        try {
            // One deadline for headers and body: the request timeout covers only the headers, and a receiver that
            // streams its answer slowly must not keep the attempt past its lease.
            int status =
                    exchange.get(deadline.toMillis(), TimeUnit.MILLISECONDS).statusCode();
            return status >= 200 && status < 300 ? null : "HTTP " + status;
        } catch (TimeoutException e) {
            exchange.cancel(true);
            return noAnswer(deadline);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            return "interrupted (platform stopping)";
        } catch (ExecutionException e) {
            return switch (e.getCause()) {
                case HttpTimeoutException t -> noAnswer(deadline);
                case ConnectException c -> "connection refused or unreachable";
                case IOException io -> "network error (" + io.getClass().getSimpleName() + ")";
                case IllegalArgumentException iae -> "invalid endpoint URL";
                case null, default -> "network error";
            };
        }
    }

    private static String noAnswer(Duration deadline) {
        return "no answer within " + deadline.toMillis() + " ms (headers and body)";
    }

    /** Attempts in flight now, over every endpoint. */
    int inFlight() {
        return slots.total();
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
        recorder.close();
    }
}
