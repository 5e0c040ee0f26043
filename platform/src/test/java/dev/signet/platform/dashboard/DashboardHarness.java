package dev.signet.platform.dashboard;

import dev.signet.platform.bot.Bots;
import dev.signet.platform.crypto.SecretBox;
import dev.signet.platform.db.Database;
import dev.signet.platform.http.ApiKeys;
import dev.signet.platform.http.HttpServer;
import dev.signet.platform.http.JsonCodec;
import dev.signet.platform.runtime.BotControl;
import dev.signet.platform.runtime.BotStore;
import dev.signet.platform.runtime.StatusChange;
import dev.signet.platform.time.Pause;
import dev.signet.platform.webhook.WebhookSettings;
import dev.signet.platform.webhook.Webhooks;
import dev.signet.secrets.Secret;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;

/**
 * The API and the dashboard wired as {@code Platform} wires them, over a real database and HTTP server on port 0,
 * with a recording {@link BotControl} in place of the runtime: tests change bots' statuses through {@link #store()}.
 */
final class DashboardHarness implements AutoCloseable {
    static final String KEY = "dashboard-test-key-0123456789";
    private static final Secret ENCRYPTION_KEY = Secret.of("MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");

    final Control control = new Control();
    private final Database database;
    private final Webhooks webhooks;
    private final Bots bots;
    private final HttpServer http;

    DashboardHarness(String jdbcUrl, Clock clock, DashboardSettings settings) {
        SecureRandom random = new SecureRandom();
        JsonCodec json = new JsonCodec();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        this.database = Database.open(jdbcUrl, 5);
        SecretBox box = SecretBox.of(ENCRYPTION_KEY, random);
        this.webhooks =
                new Webhooks(database.jdbi(), WebhookSettings.none(), box, json, clock, Pause.real(), meters, random);
        this.bots = new Bots(
                database.jdbi(),
                new Bots.Node("dashboard-test-node", "test", Duration.ofSeconds(20), false),
                2,
                json,
                box,
                webhooks.outbox(),
                true,
                clock,
                Pause.real(),
                meters);
        ApiKeys keys = ApiKeys.of(List.of(Secret.of(KEY)));
        Dashboard dashboard = new Dashboard(
                bots.console(control),
                webhooks.console(),
                database.jdbi(),
                keys,
                json,
                clock,
                Pause.real(),
                random,
                settings.withLivePollInterval(Duration.ofMillis(200)));
        this.http = HttpServer.start(
                "127.0.0.1",
                0,
                json,
                keys,
                List.of(bots.routes(control)::register, webhooks.routes()::register, dashboard::register));
    }

    URI baseUrl() {
        return http.baseUrl();
    }

    BotStore store() {
        return bots.store();
    }

    Jdbi jdbi() {
        return database.jdbi();
    }

    void status(UUID id, String code, @Nullable String subCode, @Nullable String message, Instant at) {
        store().claim(Instant.parse("2100-01-01T00:00:00Z"), 10_000); // this node holds the bot, as a runtime would
        store().transition(id, new StatusChange(code, subCode, message, at));
    }

    @Override
    public void close() {
        http.close();
        bots.close();
        webhooks.close();
        database.close();
    }

    /** Answers leave requests for the bots a test marks active, and records them. */
    static final class Control implements BotControl {
        final Set<UUID> active = ConcurrentHashMap.newKeySet();
        final Set<UUID> leaveRequests = ConcurrentHashMap.newKeySet();

        @Override
        public void wake() {}

        @Override
        public boolean leave(UUID botId) {
            leaveRequests.add(botId);
            return active.contains(botId);
        }
    }
}
