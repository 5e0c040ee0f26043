package dev.signet.platform;

import dev.signet.platform.api.ApiGuards;
import dev.signet.platform.api.ApiSettings;
import dev.signet.platform.bot.Bots;
import dev.signet.platform.crypto.SecretBox;
import dev.signet.platform.db.Database;
import dev.signet.platform.http.ApiKeys;
import dev.signet.platform.http.HttpServer;
import dev.signet.platform.http.JsonCodec;
import dev.signet.platform.http.OpsRoutes;
import dev.signet.platform.runtime.BotControl;
import dev.signet.platform.runtime.BotStore;
import dev.signet.platform.time.Pause;
import dev.signet.platform.webhook.WebhookSettings;
import dev.signet.platform.webhook.Webhooks;
import dev.signet.secrets.Secret;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;

/**
 * The platform's API, persistence and webhooks wired as {@link Platform} wires them, with a recording
 * {@link BotControl} in place of the runtime: tests drive the runtime's side through {@link #store()}.
 */
public final class ApiHarness implements AutoCloseable {
    public static final String KEY = "test-key-1";
    public static final Duration LEASE = Duration.ofSeconds(20);

    public static final Secret ENCRYPTION_KEY = Secret.of("MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");

    private final Database database;
    private final Webhooks webhooks;
    private final HttpServer http;
    private final Bots bots;
    private final RecordingControl control;
    private final PrometheusMeterRegistry meters;
    private final ApiGuards guards;

    private ApiHarness(
            Database database,
            Webhooks webhooks,
            HttpServer http,
            Bots bots,
            RecordingControl control,
            PrometheusMeterRegistry meters,
            ApiGuards guards) {
        this.database = database;
        this.webhooks = webhooks;
        this.http = http;
        this.bots = bots;
        this.control = control;
        this.meters = meters;
        this.guards = guards;
    }

    public static ApiHarness start(String jdbcUrl, Clock clock, WebhookSettings webhookSettings, boolean deliver) {
        return start(jdbcUrl, clock, webhookSettings, deliver, ApiSettings.DEFAULTS);
    }

    /** With the API guards' settings given (a rate limit, short idempotency keys). */
    public static ApiHarness start(
            String jdbcUrl, Clock clock, WebhookSettings webhookSettings, boolean deliver, ApiSettings apiSettings) {
        SecureRandom random = new SecureRandom();
        Database database = Database.open(jdbcUrl, 5);
        JsonCodec json = new JsonCodec();
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        SecretBox box = SecretBox.of(ENCRYPTION_KEY, random);
        Webhooks webhooks =
                new Webhooks(database.jdbi(), webhookSettings, box, json, clock, Pause.real(), meters, random);
        Bots bots = new Bots(
                database.jdbi(),
                new Bots.Node("test-node", "test", LEASE, false),
                2,
                json,
                box,
                webhooks.outbox(),
                true,
                clock,
                Pause.real(),
                meters);
        RecordingControl control = new RecordingControl();
        ApiGuards guards = new ApiGuards(database.jdbi(), apiSettings, clock, Pause.real());
        OpsRoutes ops = new OpsRoutes(json, database::answers, meters, bots::refreshGauge, webhooks::refreshGauge);
        HttpServer http = HttpServer.start(
                "127.0.0.1",
                0,
                json,
                ApiKeys.of(List.of(Secret.of(KEY), Secret.of("test-key-2"))),
                List.of(ops::register, guards::register, bots.routes(control)::register, webhooks.routes()::register));
        if (deliver) {
            webhooks.start();
        }
        return new ApiHarness(database, webhooks, http, bots, control, meters, guards);
    }

    public static ApiHarness start(String jdbcUrl, Clock clock) {
        return start(jdbcUrl, clock, WebhookSettings.none(), false);
    }

    public URI baseUrl() {
        return http.baseUrl();
    }

    public ApiClient client() {
        return new ApiClient(baseUrl(), "Token " + KEY);
    }

    public BotStore store() {
        return bots.store();
    }

    public Bots bots() {
        return bots;
    }

    public Bots otherNode(String nodeId, Clock clock) {
        return new Bots(
                database.jdbi(),
                new Bots.Node(nodeId, "test", LEASE, false),
                2,
                new JsonCodec(),
                SecretBox.of(ENCRYPTION_KEY, new SecureRandom()),
                webhooks.outbox(),
                true,
                clock,
                Pause.real(),
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
    }

    public java.util.Optional<dev.signet.platform.runtime.RunnableBot> claim(java.util.UUID id) {
        return bots.store().claim(java.time.Instant.parse("2100-01-01T00:00:00Z"), 10_000).stream()
                .filter(c -> c.id().equals(id))
                .findFirst()
                .map(c -> ((dev.signet.platform.runtime.Claimed.Bot) c).bot());
    }

    public RecordingControl control() {
        return control;
    }

    public Jdbi jdbi() {
        return database.jdbi();
    }

    public Webhooks webhooks() {
        return webhooks;
    }

    public PrometheusMeterRegistry meters() {
        return meters;
    }

    public ApiGuards guards() {
        return guards;
    }

    @Override
    public void close() {
        http.close();
        guards.close();
        bots.close();
        webhooks.close();
        database.close();
    }

    /** Counts wakes and answers leave requests for the bots the test marks active. */
    public static final class RecordingControl implements BotControl {
        public final AtomicInteger wakes = new AtomicInteger();
        public final Set<UUID> active = ConcurrentHashMap.newKeySet();
        public final Set<UUID> leaveRequests = ConcurrentHashMap.newKeySet();
        private volatile Runnable onWake = () -> {};

        @Override
        public void wake() {
            wakes.incrementAndGet();
            onWake.run();
        }

        /** Runs {@code action} in every later wake, on the request's thread (to hold a request in flight). */
        public void onWake(Runnable action) {
            onWake = action;
        }

        @Override
        public boolean leave(UUID botId) {
            leaveRequests.add(botId);
            return active.contains(botId);
        }
    }
}
