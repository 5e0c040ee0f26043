package dev.signet.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signet.emulator.seed.DemoSeed;
import dev.signet.testkit.PostgresSchema;
import dev.signet.testkit.TcpProxy;
import dev.signet.webhooks.ReplayGuard;
import dev.signet.webhooks.Verification;
import dev.signet.webhooks.WebhookVerifier;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults under load (issue 12): 500 bots created through the API in five waves while the emulator answers Zoom's
 * user-token endpoint (the broker's ZAK mints) and the join endpoint with scripted 503s and 429s ({@code Retry-After})
 * and added latency, the webhook receiver answers some deliveries 503 and some too late, and every PostgreSQL
 * connection of the platform (through a {@link TcpProxy}, on a schema of its own) is cut once, with new connections
 * refused for a few seconds, while a wave is joining. Afterwards no bot is lost, none is stuck, none errored: each ends
 * exactly as its meeting dictates (in the call, then {@code done} when the host ends it; or the deliberate
 * {@code fatal} sub-code), every status change has exactly one webhook id, and each id reached the receiver at least
 * once. The run prints one summary line (faults fired, retries seen, time taken).
 */
@Timeout(600)
class ChaosIT {
    private static final int WAVES = 5;
    private static final int CUT_WAVE = 3;
    private static final int MEETINGS = 5; // of each kind: open, signed-in only
    /** Per wave: anonymous bots in open meetings, ZAK bots in signed-in meetings, and the deliberately bad ones. */
    private static final int ANONYMOUS = 40;

    private static final int ZAK = 40;
    private static final int SIGN_IN_REFUSED = 10;
    private static final int NOT_FOUND = 10;
    private static final int PER_WAVE = ANONYMOUS + ZAK + SIGN_IN_REFUSED + NOT_FOUND;

    private static final String JOIN = "POST /emulator/meetings/{meetingNumber}/join";
    private static final String ZAK_MINT = "GET /v2/users/{userId}/token";
    private static final int JOIN_503 = 10;
    private static final int JOIN_429 = 5;
    private static final int MINT_503 = 4;
    private static final int MINT_429 = 1;
    private static final Duration DB_DOWN = Duration.ofSeconds(4);
    private static final Duration WAIT = Duration.ofMinutes(2);

    @TempDir
    Path dir;

    private enum Kind {
        ANONYMOUS,
        ZAK,
        SIGN_IN_REFUSED,
        NOT_FOUND;

        /** The status codes a bot of this kind goes through, in order. */
        List<String> codes() {
            return fatalSubCode() == null
                    ? List.of("ready", "joining_call", "in_call_not_recording", "call_ended", "done")
                    : List.of("ready", "joining_call", "fatal");
        }

        @Nullable
        String fatalSubCode() {
            return switch (this) {
                case ANONYMOUS, ZAK -> null;
                case SIGN_IN_REFUSED -> "meeting_requires_sign_in";
                case NOT_FOUND -> "meeting_not_found";
            };
        }
    }

    private record Created(String id, String name, Kind kind, long meeting) {}

    @Test
    void fiveHundredBots_underZoomFaults_andADatabaseCut_noneLostOrStuck_everyWebhookDeliveredUnderItsId()
            throws Exception {
        long started = System.nanoTime();
        try (PostgresSchema schema = PostgresSchema.create("chaos");
                TcpProxy proxy = new TcpProxy(postgresPort(schema.jdbcUrl()));
                FlakyReceiver receiver = new FlakyReceiver();
                E2eStack stack = new E2eStack(
                        dir.resolve("data"),
                        E2eStack.Options.standard()
                                .database(throughProxy(schema.jdbcUrl(), proxy.port()))
                                .webhooks(receiver.url(), "200ms,500ms,1s,2s,3s,5s,5s,5s,5s,5s")
                                .platform("SIGNET_WEBHOOK_TIMEOUT", "1s")
                                // A fresh ZAK per request: every ZAK bot's join makes the broker call Zoom.
                                .broker("SIGNET_BROKER_ZAK_REUSE", "0"))) {
            List<Zoom.Meeting> open = new ArrayList<>();
            List<Zoom.Meeting> signedIn = new ArrayList<>();
            for (int i = 0; i < MEETINGS; i++) {
                open.add(stack.zoom.started());
                Zoom.Meeting restricted = stack.zoom.create(true, false, null);
                stack.zoom.start(restricted.number());
                signedIn.add(restricted);
            }
            latency(stack, JOIN, 150);
            latency(stack, ZAK_MINT, 200);

            List<Created> bots = new ArrayList<>();
            for (int wave = 1; wave <= WAVES; wave++) {
                // Scripted faults for this wave, consumed by its first join attempts and mints (the previous wave
                // has settled, so no retry of it takes one); a bot's retry comes after they ran out. The broker holds
                // no ZAK to fall back on (reuse 0), and a bot's ZAK fetch has 3 attempts (250 ms, 500 ms apart, or
                // Retry-After): one 429 closes the broker's gate to Zoom for a second, during which it answers 503
                // with Retry-After, so a wave gets one 429, after its 503s, or a bot could meet three failures.
                if (wave != CUT_WAVE) {
                    fault(stack, JOIN, JOIN_503, 503, Map.of());
                    fault(stack, JOIN, JOIN_429, 429, Map.of("Retry-After", "1"));
                    fault(stack, ZAK_MINT, MINT_503, 503, Map.of());
                    fault(stack, ZAK_MINT, MINT_429, 429, Map.of("Retry-After", "1", "X-RateLimit-Type", "QPS"));
                }
                bots.addAll(createWave(stack, wave, open, signedIn));
                if (wave == CUT_WAVE) {
                    // Mid-run: this wave is joining and webhooks are in flight. Every open connection is dropped and
                    // new ones are refused for a while, as when PostgreSQL restarts. (This wave has no scripted Zoom
                    // faults: while nothing can claim bots, the few joins that run would meet all of them.)
                    proxy.cut();
                    Thread.sleep(DB_DOWN); // the outage itself: how long the database stays away
                    proxy.restore();
                }
                int expected = bots.size();
                await().atMost(WAIT)
                        .pollInterval(Duration.ofMillis(250))
                        .untilAsserted(() -> assertThat(settled(schema))
                                .as(() -> "settled bots; the others: " + unsettled(schema))
                                .isGreaterThanOrEqualTo(expected));
            }
            assertThat(bots).hasSize(WAVES * PER_WAVE);

            // Steady: every bot that should be in a call is, once, in its own meeting, and nobody else is.
            for (Zoom.Meeting meeting : open) {
                assertPresent(stack, meeting, bots, Kind.ANONYMOUS);
            }
            for (Zoom.Meeting meeting : signedIn) {
                assertPresent(stack, meeting, bots, Kind.ZAK);
            }
            for (Zoom.Meeting meeting : open) {
                stack.zoom.end(meeting.number());
            }
            for (Zoom.Meeting meeting : signedIn) {
                stack.zoom.end(meeting.number());
            }
            await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).until(() -> unfinished(schema) == 0);

            // No bot lost or duplicated, none stuck, each with exactly the history its meeting dictates.
            assertThat(count(schema, "SELECT COUNT(*) FROM bots")).isEqualTo(bots.size());
            for (Created bot : bots) {
                JsonNode view = stack.api.bot(bot.id());
                assertThat(Api.codes(view))
                        .as("%s %s: %s", bot.kind(), bot.id(), view.get("status_changes"))
                        .containsExactlyElementsOf(bot.kind().codes());
                JsonNode last = Api.last(view);
                String fatalSubCode = bot.kind().fatalSubCode();
                if (fatalSubCode != null) {
                    assertThat(last.get("sub_code").asText()).as("%s", last).isEqualTo(fatalSubCode);
                } else {
                    JsonNode ended = view.get("status_changes").get(3);
                    assertThat(ended.get("sub_code").asText()).as("%s", ended).isEqualTo("call_ended_by_host");
                }
            }

            // Every status change but 'ready' has exactly one webhook id; each id reached the receiver at least once.
            Map<String, Set<String>> outbox = outboxIds(schema);
            for (Created bot : bots) {
                assertThat(outbox.getOrDefault(bot.id(), Set.of()))
                        .as("webhook ids of %s", bot.id())
                        .hasSize(bot.kind().codes().size() - 1);
            }
            await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                Set<String> accepted = receiver.acceptedIds();
                for (Created bot : bots) {
                    assertThat(accepted).as("accepted ids of %s", bot.id()).containsAll(outbox.get(bot.id()));
                }
            });
            assertDeliveriesConsistent(receiver.received(), bots, outbox);
            await().atMost(WAIT)
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> count(
                                    schema,
                                    "SELECT COUNT(*) FROM webhook_deliveries WHERE lower(status) <>" + " 'delivered'")
                            == 0);

            // Every scripted fault fired: the next call of each endpoint is answered normally.
            assertThat(probe(stack, "/emulator/meetings/81299999999/join", "POST"))
                    .as("scripted join faults left over")
                    .isNotIn(429, 503);
            assertThat(probe(stack, "/v2/users/" + DemoSeed.NOTETAKER_USER_ID + "/token?type=zak", "GET"))
                    .as("scripted mint faults left over")
                    .isNotIn(429, 503);

            summary(stack, receiver, bots, started);
        }
    }

    private static List<Created> createWave(
            E2eStack stack, int wave, List<Zoom.Meeting> open, List<Zoom.Meeting> signedIn) throws Exception {
        List<Map.Entry<Kind, Integer>> plan = new ArrayList<>();
        Map<Kind, Integer> counts = new LinkedHashMap<>();
        counts.put(Kind.ANONYMOUS, ANONYMOUS);
        counts.put(Kind.ZAK, ZAK);
        counts.put(Kind.SIGN_IN_REFUSED, SIGN_IN_REFUSED);
        counts.put(Kind.NOT_FOUND, NOT_FOUND);
        counts.forEach((kind, n) -> {
            for (int i = 0; i < n; i++) {
                plan.add(Map.entry(kind, i));
            }
        });
        Collections.shuffle(plan, new Random(wave));
        List<Created> created = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            List<Future<Created>> futures = new ArrayList<>();
            for (Map.Entry<Kind, Integer> entry : plan) {
                Kind kind = entry.getKey();
                int i = entry.getValue();
                futures.add(pool.submit(() -> {
                    String name = "Chaos " + kind.name().toLowerCase(Locale.ROOT) + " " + wave + "-" + i;
                    Zoom.Meeting meeting = switch (kind) {
                        case ANONYMOUS -> open.get(i % MEETINGS);
                        case ZAK, SIGN_IN_REFUSED -> signedIn.get(i % MEETINGS);
                        case NOT_FOUND -> new Zoom.Meeting(81299999999L, "https://zoom.us/j/81299999999");
                    };
                    String zakUrl = kind == Kind.ZAK ? stack.zakUrl(null) : null;
                    String id = stack.api.createBot(meeting.joinUrl(), name, zakUrl);
                    return new Created(id, name, kind, meeting.number());
                }));
            }
            for (Future<Created> future : futures) {
                created.add(future.get());
            }
        }
        return created;
    }

    /** Bots whose status is final or in the call: settled. */
    private static long settled(PostgresSchema schema) throws SQLException {
        return count(
                schema,
                "SELECT COUNT(*) FROM bots WHERE status IN ('in_call_not_recording', 'call_ended', 'done',"
                        + " 'fatal')");
    }

    /** The bots not settled yet, counted by status, dispatch and owner, with a few of their ids. */
    private static String unsettled(PostgresSchema schema) {
        try (Connection c = DriverManager.getConnection(schema.jdbcUrl());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT status, dispatched, owner_node, COUNT(*), MIN(CAST(id AS TEXT))"
                        + " FROM bots WHERE status NOT IN ('in_call_not_recording', 'call_ended', 'done', 'fatal')"
                        + " GROUP BY status, dispatched, owner_node")) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1) + "/dispatched=" + rs.getBoolean(2) + "/owner=" + rs.getString(3) + ": "
                        + rs.getLong(4) + " (e.g. " + rs.getString(5) + ")");
            }
            return rows.toString();
        } catch (SQLException e) {
            return "(" + e.getMessage() + ")";
        }
    }

    private static long unfinished(PostgresSchema schema) throws SQLException {
        return count(schema, "SELECT COUNT(*) FROM bots WHERE status NOT IN ('done', 'fatal')");
    }

    private static long count(PostgresSchema schema, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(schema.jdbcUrl());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The outbox's webhook ids per bot (one endpoint, so one row per sent status change). */
    private static Map<String, Set<String>> outboxIds(PostgresSchema schema) throws SQLException {
        Map<String, Set<String>> ids = new HashMap<>();
        try (Connection c = DriverManager.getConnection(schema.jdbcUrl());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT bot_id, id FROM webhook_deliveries")) {
            while (rs.next()) {
                ids.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2));
            }
        }
        return ids;
    }

    /** Each id carries one bot's one event every time; each bot's events are its status changes but 'ready'. */
    private static void assertDeliveriesConsistent(
            List<FlakyReceiver.Received> received, List<Created> bots, Map<String, Set<String>> outbox) {
        assertThat(received).allMatch(FlakyReceiver.Received::verified, "signature verified");
        Map<String, Set<String>> eventsById = new HashMap<>();
        Map<String, Set<String>> botsById = new HashMap<>();
        for (FlakyReceiver.Received r : received) {
            eventsById.computeIfAbsent(r.id(), k -> new HashSet<>()).add(r.event() + "/" + r.code());
            botsById.computeIfAbsent(r.id(), k -> new HashSet<>()).add(r.botId());
        }
        assertThat(eventsById.values()).allMatch(events -> events.size() == 1, "one event per webhook id");
        assertThat(botsById.values()).allMatch(owners -> owners.size() == 1, "one bot per webhook id");
        for (Created bot : bots) {
            List<String> events = new ArrayList<>();
            for (String id : outbox.get(bot.id())) {
                events.addAll(eventsById.get(id));
            }
            List<String> expected = bot.kind().codes().stream()
                    .skip(1)
                    .map(code -> "bot." + code + "/" + code)
                    .toList();
            assertThat(events).as("events of %s", bot.id()).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    private static void assertPresent(E2eStack stack, Zoom.Meeting meeting, List<Created> bots, Kind kind) {
        List<String> present = new ArrayList<>();
        JsonNode participants = stack.zoom.state(meeting.number()).path("participants");
        for (JsonNode p : participants) {
            if (p.path("status").asText().equals("in_meeting")
                    && p.path("display_name").asText().startsWith("Chaos ")) {
                present.add(p.path("display_name").asText());
            }
        }
        List<String> expected = bots.stream()
                .filter(b -> b.kind() == kind && b.meeting() == meeting.number())
                .map(Created::name)
                .toList();
        assertThat(present)
                .as(() -> "bots in meeting " + meeting.number() + "; of those missing, the bots and participants: "
                        + bots.stream()
                                .filter(b -> expected.contains(b.name()) && !present.contains(b.name()))
                                .map(b -> b.name() + " " + stack.api.bot(b.id()).get("status_changes") + " "
                                        + participants(participants, b.name()))
                                .toList())
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    private static List<JsonNode> participants(JsonNode participants, String name) {
        List<JsonNode> named = new ArrayList<>();
        participants.forEach(p -> {
            if (p.path("display_name").asText().equals(name)) {
                named.add(p);
            }
        });
        return named;
    }

    private static void fault(E2eStack stack, String endpoint, int count, int status, Map<String, String> headers) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("endpoint", endpoint);
        body.put("count", count);
        body.put("status", status);
        body.put("body", "{\"code\":" + status + ",\"message\":\"Injected by ChaosIT.\"}");
        body.put("headers", headers);
        admin(stack, "POST", "/emulator/admin/faults", body);
    }

    private static void latency(E2eStack stack, String endpoint, int millis) {
        admin(stack, "PUT", "/emulator/admin/latency", Map.of("endpoint", endpoint, "millis", millis));
    }

    private static void admin(E2eStack stack, String method, String path, Object body) {
        Http.Reply reply = stack.http.send(method, URI.create(stack.emulator.baseUrl() + path), body, Map.of());
        assertThat(reply.status()).as(method + " " + path + ": " + reply.text()).isEqualTo(204);
    }

    /** The status one unauthenticated call of an emulator endpoint gets. */
    private static int probe(E2eStack stack, String path, String method) {
        return stack.http
                .send(
                        method,
                        URI.create(stack.emulator.baseUrl() + path),
                        method.equals("POST") ? "{}" : null,
                        Map.of())
                .status();
    }

    private static void summary(E2eStack stack, FlakyReceiver receiver, List<Created> bots, long started) {
        Map<String, Double> zoomCalls =
                metric(stack, stack.broker.uri().resolve("/metrics"), "signet_broker_zoom_calls_total");
        Map<String, Double> brokerRequests =
                metric(stack, stack.broker.uri().resolve("/metrics"), "signet_broker_requests_seconds_count");
        URI platformMetrics = stack.platform().baseUrl().resolve("/metrics");
        Map<String, Double> writeRetries = metric(stack, platformMetrics, "signet_store_write_retries_total");
        Map<String, Double> attempts = metric(stack, platformMetrics, "signet_webhook_attempts_total");
        Map<Kind, Integer> kinds = new TreeMap<>();
        bots.forEach(b -> kinds.merge(b.kind(), 1, Integer::sum));
        List<FlakyReceiver.Received> received = receiver.received();
        System.out.printf(
                Locale.ROOT,
                "chaos: %d bots %s in %d s; scripted faults fired: join %d x 503 + %d x 429, ZAK mint %d x 503 + %d x"
                        + " 429 (Retry-After 1), latency join 150 ms / mint 200 ms; database cut once, %d s down;"
                        + " broker saw Zoom %s, answered %s; platform store write retries %s, webhook attempts %s;"
                        + " receiver got %d requests (%d answered 503, %d answered late) for %d webhook ids%n",
                bots.size(),
                kinds,
                (System.nanoTime() - started) / 1_000_000_000L,
                (WAVES - 1) * JOIN_503,
                (WAVES - 1) * JOIN_429,
                (WAVES - 1) * MINT_503,
                (WAVES - 1) * MINT_429,
                DB_DOWN.toSeconds(),
                zoomCalls,
                brokerRequests,
                writeRetries,
                attempts,
                received.size(),
                received.stream().filter(r -> r.answered() == 503).count(),
                receiver.late.get(),
                received.stream().map(FlakyReceiver.Received::id).distinct().count());
    }

    /** The samples of one Prometheus metric, by their labels. */
    private static Map<String, Double> metric(E2eStack stack, URI url, String name) {
        Http.Reply reply = stack.http.get(url, Map.of());
        assertThat(reply.status()).as("%s: %s", url, reply.text()).isEqualTo(200);
        Map<String, Double> samples = new TreeMap<>();
        for (String line : reply.text().lines().toList()) {
            if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
                int space = line.lastIndexOf(' ');
                String labels = line.substring(name.length(), space).trim();
                samples.merge(
                        labels.isEmpty() ? "all" : labels, Double.parseDouble(line.substring(space + 1)), Double::sum);
            }
        }
        return samples;
    }

    private static int postgresPort(String jdbcUrl) {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        assertThat(uri.getHost()).as("the proxy forwards to loopback only").isIn("127.0.0.1", "localhost");
        return uri.getPort() < 0 ? 5432 : uri.getPort();
    }

    /** {@code jdbcUrl} with its host and port replaced by the proxy's. */
    private static String throughProxy(String jdbcUrl, int proxyPort) {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        String authority = uri.getRawAuthority();
        int at = jdbcUrl.indexOf(authority);
        return jdbcUrl.substring(0, at) + "127.0.0.1:" + proxyPort + jdbcUrl.substring(at + authority.length());
    }

    /**
     * A webhook endpoint that verifies every signature, answers every tenth request 503 and every 25th only after
     * 1.5 s (past the platform's 1 s timeout, so it counts as failed there and is sent again under the same id).
     */
    private static final class FlakyReceiver implements AutoCloseable {
        record Received(String id, String botId, String event, String code, boolean verified, int answered) {}

        private final Javalin server;
        private final List<Received> received = new CopyOnWriteArrayList<>();
        private final Set<String> acceptedIds = ConcurrentHashMap.newKeySet();
        private final AtomicInteger requests = new AtomicInteger();
        final AtomicInteger late = new AtomicInteger();

        FlakyReceiver() {
            WebhookVerifier verifier = new WebhookVerifier(
                    List.of(E2eStack.webhookSecret()), Duration.ofMinutes(5), Clock.systemUTC(), ReplayGuard.none());
            server = Javalin.create(c -> {
                        c.concurrency.useVirtualThreads = true;
                        c.startup.showJavalinBanner = false;
                        c.startup.showOldJavalinVersionWarning = false;
                        c.routes.post("/hooks", ctx -> {
                            byte[] body = ctx.bodyAsBytes();
                            String id = String.valueOf(ctx.header("webhook-id"));
                            boolean verified = verifier.verify(
                                            id, ctx.header("webhook-timestamp"), ctx.header("webhook-signature"), body)
                                    instanceof Verification.Valid;
                            int n = requests.incrementAndGet();
                            int status = n % 10 == 3 ? 503 : 204;
                            if (status == 204 && n % 25 == 7) {
                                late.incrementAndGet();
                                Thread.sleep(Duration.ofMillis(1500)); // a slow receiver: answers after the timeout
                            }
                            JsonNode json = parse(body);
                            received.add(new Received(
                                    id,
                                    json.path("data").path("bot").path("id").asText(),
                                    json.path("event").asText(),
                                    json.path("data").path("data").path("code").asText(),
                                    verified,
                                    status));
                            if (status == 204) {
                                acceptedIds.add(id);
                            }
                            ctx.status(status);
                        });
                    })
                    .start("127.0.0.1", 0);
        }

        private static JsonNode parse(byte[] body) {
            try {
                return Http.JSON.readTree(new String(body, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String url() {
            return "http://127.0.0.1:" + server.port() + "/hooks";
        }

        List<Received> received() {
            return List.copyOf(received);
        }

        Set<String> acceptedIds() {
            return Set.copyOf(acceptedIds);
        }

        @Override
        public void close() {
            server.stop();
        }
    }
}
