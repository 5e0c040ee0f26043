package dev.signet.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signet.testkit.PostgresSchema;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Platform nodes as child JVMs from the built jar on one PostgreSQL schema, with the emulator and broker in this JVM
 * (decision 0023): every bot dispatched by exactly one node, {@code leave_call} routed to the node holding the bot, a
 * {@code SIGKILL}ed node's bots taken over and rejoined, a frozen node ({@code SIGSTOP}) that lost its lease letting
 * go when it thaws, a drained node ({@code SIGTERM}) handing its bots over, and node capacity. Throughout, no bot is
 * in its meeting twice (the emulator counts) and every status change reaches the webhook receiver under one id.
 */
@Timeout(600)
class MultiNodeIT {
    private static final String LEASE = "6s";

    @TempDir
    Path dir;

    private final List<PlatformProcess> nodes = new ArrayList<>();

    @AfterEach
    void stopNodes() throws InterruptedException {
        for (PlatformProcess node : nodes) {
            node.close();
        }
    }

    private E2eStack stack(PostgresSchema schema, WebhookReceiver receiver) {
        return new E2eStack(
                dir.resolve("data"),
                E2eStack.Options.standard()
                        .database(schema.jdbcUrl())
                        .webhooks(receiver.url(), "200ms,500ms,1s,2s,5s")
                        .platform("SIGNET_NODE_LEASE", LEASE)
                        // The emulator drops a participant whose connection is gone within ~3 s: under the lease.
                        .emulator(c ->
                                c.withPingInterval(Duration.ofSeconds(1)).withDisconnectGrace(Duration.ofSeconds(2))),
                false);
    }

    private PlatformProcess node(E2eStack stack, String id, Map<String, String> extra) throws Exception {
        Map<String, String> env = new HashMap<>(stack.platformEnv());
        env.put("SIGNET_NODE_ID", id);
        env.put("SIGNET_DATABASE_POOL_SIZE", "8"); // three nodes and the test stay well under max_connections
        env.putAll(extra);
        PlatformProcess node = PlatformProcess.start(id, env, dir);
        nodes.add(node);
        return node;
    }

    private static Api api(E2eStack stack, PlatformProcess node) {
        URI base = node.baseUrl;
        return new Api(stack.http, () -> base, E2eStack.API_KEY);
    }

    @Test
    void threeNodes_eachBotOnce_commandsRouted_killedNodeTakenOver_frozenNodeLetsGo_drainedNodeHandsOver()
            throws Exception {
        try (PostgresSchema schema = PostgresSchema.create("multinode");
                WebhookReceiver receiver = new WebhookReceiver(0);
                E2eStack stack = stack(schema, receiver)) {
            PlatformProcess n1 = node(stack, "n1", Map.of());
            PlatformProcess n2 = node(stack, "n2", Map.of());
            PlatformProcess n3 = node(stack, "n3", Map.of());
            List<Api> apis = List.of(api(stack, n1), api(stack, n2), api(stack, n3));
            List<Zoom.Meeting> meetings = List.of(stack.zoom.started(), stack.zoom.started(), stack.zoom.started());

            // Exactly once under contention: 24 bots created through all three nodes at the same time.
            Map<String, String> names = new HashMap<>(); // bot id -> name
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<String[]>> created = new ArrayList<>();
                for (int i = 0; i < 24; i++) {
                    int n = i;
                    created.add(pool.submit(() -> {
                        String name = "Bot " + n;
                        String id =
                                apis.get(n % 3).createBot(meetings.get(n % 3).joinUrl(), name, stack.zakUrl(null));
                        return new String[] {id, name};
                    }));
                }
                for (Future<String[]> f : created) {
                    names.put(f.get()[0], f.get()[1]);
                }
            }
            Api api = apis.get(2);
            for (String id : names.keySet()) {
                api.awaitStatus(id, "in_call_not_recording");
            }
            for (String id : names.keySet()) {
                assertThat(joins(api.bot(id))).as("joins of %s", id).isEqualTo(1);
            }
            assertNoBotTwiceInAMeeting(stack, meetings);
            Map<String, String> owners = owners(schema);
            assertThat(owners.values()).isSubsetOf("n1", "n2", "n3");
            System.out.printf("multi-node: 24 bots over 3 nodes: %s%n", count(owners));

            // Who claims what depends on which node is awake first; the roles below follow the distribution.
            Map<String, PlatformProcess> byId = Map.of("n1", n1, "n2", n2, "n3", n3);
            Map<String, Api> apiOf = Map.of("n1", apis.get(0), "n2", apis.get(1), "n3", apis.get(2));

            // leave_call through a node that does not hold the bot.
            String holder = busiest(owners, List.of("n1", "n2", "n3"));
            String other = holder.equals("n1") ? "n2" : "n1";
            String leaving = held(owners, holder).getFirst();
            long asked = System.nanoTime();
            apiOf.get(other).leaveCall(leaving);
            api.awaitCallEnded(leaving, "bot_received_leave_call");
            System.out.printf(
                    "multi-node: leave_call routed %s -> %s and the bot left in %d ms%n",
                    other, holder, (System.nanoTime() - asked) / 1_000_000);

            // SIGKILL: the other nodes take the victim's bots over after its lease and rejoin them with fresh ZAKs.
            String victim = busiest(owners(schema), List.of("n1", "n2", "n3"));
            List<String> survivors =
                    Stream.of("n1", "n2", "n3").filter(n -> !n.equals(victim)).toList();
            List<String> onVictim = held(owners(schema), victim);
            assertThat(onVictim).isNotEmpty();
            long killed = System.nanoTime();
            byId.get(victim).kill();
            awaitRejoined(stack, meetings, apiOf.get(survivors.get(0)), onVictim, 2);
            System.out.printf(
                    "multi-node: %d bots of the killed node %s back in call after %d ms (lease %s)%n",
                    onVictim.size(), victim, (System.nanoTime() - killed) / 1_000_000, LEASE);
            assertThat(owners(schema).values()).doesNotContain(victim);

            // SIGSTOP: a node freezes past its lease; the last one takes its bots over; thawed, it lets go and never
            // writes for them.
            String frozen = busiest(owners(schema), survivors);
            String last = survivors.get(0).equals(frozen) ? survivors.get(1) : survivors.get(0);
            Api lastApi = apiOf.get(last);
            Map<String, Integer> before = new HashMap<>();
            List<String> onFrozen = held(owners(schema), frozen);
            assertThat(onFrozen).isNotEmpty();
            for (String id : onFrozen) {
                before.put(id, joins(lastApi.bot(id)));
            }
            byId.get(frozen).signal("STOP");
            await().atMost(Api.WAIT).until(() -> {
                Map<String, String> now = owners(schema);
                return onFrozen.stream().allMatch(id -> last.equals(now.get(id)));
            });
            for (String id : onFrozen) {
                await().atMost(Api.WAIT).until(() -> {
                    JsonNode bot = lastApi.bot(id);
                    return joins(bot) > before.get(id) && inCall(bot);
                });
            }
            byId.get(frozen).signal("CONT");
            // The frozen node's connections were still open: it leaves those meetings as soon as it thaws.
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertNoBotTwiceInAMeeting(stack, meetings));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> byId.get(frozen).logText().contains("lease"));
            for (String id : onFrozen) {
                assertThat(inCall(lastApi.bot(id)))
                        .as("%s stays in call on %s", id, last)
                        .isTrue();
            }

            // SIGTERM: the last node drains; its bots are handed over and rejoined by the thawed node.
            List<String> onLast = held(owners(schema), last);
            assertThat(onLast).isNotEmpty();
            Map<String, Integer> beforeDrain = new HashMap<>();
            for (String id : onLast) {
                beforeDrain.put(id, joins(lastApi.bot(id)));
            }
            long drained = System.nanoTime();
            byId.get(last).terminate();
            Api survivor = apiOf.get(frozen);
            for (String id : onLast) {
                await().atMost(Api.WAIT).until(() -> {
                    JsonNode bot = survivor.bot(id);
                    return joins(bot) > beforeDrain.get(id) && inCall(bot);
                });
            }
            System.out.printf(
                    "multi-node: %d bots of the drained node %s back in call after %d ms%n",
                    onLast.size(), last, (System.nanoTime() - drained) / 1_000_000);
            assertNoBotTwiceInAMeeting(stack, meetings);

            // No webhook lost, ids stable: each status change (but 'ready') arrived, each under one id.
            for (String id : names.keySet()) {
                JsonNode bot = survivor.bot(id);
                long changes = 0;
                for (JsonNode c : bot.get("status_changes")) {
                    changes += c.get("code").asText().equals("ready") ? 0 : 1;
                }
                long expected = changes;
                await().atMost(Api.WAIT).until(() -> distinctIds(receiver, id) >= expected);
                assertThat(distinctIds(receiver, id))
                        .as("webhook ids of %s", id)
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void capacity_fullNodesLeaveBotsWaiting_andDispatchThemAsSlotsFree() throws Exception {
        try (PostgresSchema schema = PostgresSchema.create("capacity");
                WebhookReceiver receiver = new WebhookReceiver(0);
                E2eStack stack = stack(schema, receiver)) {
            PlatformProcess a = node(stack, "cap-a", Map.of("SIGNET_NODE_CAPACITY", "2"));
            node(stack, "cap-b", Map.of("SIGNET_NODE_CAPACITY", "2"));
            Api api = api(stack, a);
            Zoom.Meeting meeting = stack.zoom.started();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                ids.add(api.createBot(meeting.joinUrl(), "Capped " + i, null));
            }

            await().atMost(Api.WAIT)
                    .until(() -> ids.stream().filter(id -> inCall(api.bot(id))).count() == 4);
            String waiting =
                    ids.stream().filter(id -> !inCall(api.bot(id))).findFirst().orElseThrow();
            await().atMost(Api.WAIT).until(() -> Api.codes(api.bot(waiting)).size() >= 2);
            JsonNode waitingBot = api.bot(waiting);
            assertThat(waitingBot.get("status_changes").get(1).get("sub_code").asText())
                    .isEqualTo("waiting_for_capacity");
            Map<String, String> owners = owners(schema);
            assertThat(count(owners)).containsEntry("cap-a", 2).containsEntry("cap-b", 2);
            // A node never exceeds its capacity, however long the bot waits.
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> !inCall(api.bot(waiting)));

            String leaving =
                    ids.stream().filter(id -> inCall(api.bot(id))).findFirst().orElseThrow();
            api.leaveCall(leaving);
            api.awaitStatus(waiting, "in_call_not_recording");
        }
    }

    private static boolean inCall(JsonNode bot) {
        return Api.last(bot).get("code").asText().equals("in_call_not_recording");
    }

    private static int joins(JsonNode bot) {
        return (int) Api.codes(bot).stream().filter("joining_call"::equals).count();
    }

    private static long distinctIds(WebhookReceiver receiver, String botId) {
        Set<String> ids = new HashSet<>();
        for (WebhookReceiver.Received r : receiver.received()) {
            if (r.botId().equals(botId)) {
                ids.add(r.id());
            }
        }
        return ids.size();
    }

    /** Waits until each bot joined {@code joins} times and is in call, checking no bot is ever in a meeting twice. */
    private static void awaitRejoined(
            E2eStack stack, List<Zoom.Meeting> meetings, Api api, List<String> ids, int joins) {
        await().atMost(Api.WAIT).pollInterval(Duration.ofMillis(250)).until(() -> {
            assertNoBotTwiceInAMeeting(stack, meetings);
            for (String id : ids) {
                JsonNode bot = api.bot(id);
                if (joins(bot) < joins || !inCall(bot)) {
                    return false;
                }
            }
            return true;
        });
    }

    private static void assertNoBotTwiceInAMeeting(E2eStack stack, List<Zoom.Meeting> meetings) {
        for (Zoom.Meeting meeting : meetings) {
            List<String> present = new ArrayList<>();
            for (JsonNode p : stack.zoom.state(meeting.number()).path("participants")) {
                if (p.path("status").asText().equals("in_meeting")) {
                    present.add(p.path("display_name").asText());
                }
            }
            assertThat(present).as("participants of %d", meeting.number()).doesNotHaveDuplicates();
        }
    }

    private static List<String> held(Map<String, String> owners, String node) {
        return owners.entrySet().stream()
                .filter(e -> node.equals(e.getValue()))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    /** The node among {@code nodes} holding the most bots. */
    private static String busiest(Map<String, String> owners, List<String> nodes) {
        Map<String, Integer> counts = count(owners);
        return nodes.stream()
                .max(Comparator.comparingInt(n -> counts.getOrDefault(n, 0)))
                .orElseThrow();
    }

    private static Map<String, Integer> count(Map<String, String> owners) {
        Map<String, Integer> counts = new HashMap<>();
        owners.values().forEach(n -> counts.merge(n, 1, Integer::sum));
        return counts;
    }

    /** Which node holds each unfinished bot, straight from the database. */
    private static Map<String, String> owners(PostgresSchema schema) throws SQLException {
        Map<String, String> owners = new HashMap<>();
        try (Connection c = DriverManager.getConnection(schema.jdbcUrl());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, owner_node FROM bots WHERE status NOT IN ('done', 'fatal')"
                        + " AND owner_node IS NOT NULL")) {
            while (rs.next()) {
                owners.put(rs.getString(1), rs.getString(2));
            }
        }
        return owners;
    }
}
