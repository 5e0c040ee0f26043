package dev.signet.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.signet.emulator.seed.DemoSeed;
import dev.signet.platform.PlatformConfig;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole scenario with every logger at TRACE, then a scan of everything the system ever showed — logs, API
 * responses, webhook bodies, both {@code /metrics}, every row of every table of the platform's database — for every
 * secret involved. The broker gets its own {@code whsec_} secret here, and half of the bots take ZAKs minted by a
 * token server of their own, so that the broker's log guard (which drops log events showing secrets it knows, in
 * this shared JVM) cannot hide a leak by the platform.
 */
@Timeout(180)
class SecretScanEndToEndTest {
    private static final String BROKER_WHSEC = "whsec_YnJva2VyLXdlYmhvb2stc2VjcmV0LWZvci1lMmU=";

    @TempDir
    Path dir;

    @Test
    void fullScenarioAtTrace_showsNoSecretAnywhere() throws Exception {
        Map<String, String> sources = new LinkedHashMap<>();
        List<String> zaks = new ArrayList<>();
        List<String> obfTokens = new ArrayList<>();
        String[] userToken = new String[1];
        try (LogCapture logs = new LogCapture();
                WebhookReceiver receiver = new WebhookReceiver(1)) {
            E2eStack.Options options = E2eStack.Options.standard()
                    .webhooks(receiver.url(), "100ms,100ms")
                    .broker("SIGNET_BROKER_WEBHOOK_SECRET", BROKER_WHSEC);
            try (E2eStack stack = new E2eStack(dir, options.platform("SIGNET_OBF_RETRY_INTERVAL", "200ms"));
                    TokenServer tokens = new TokenServer(stack.zakUrl(null), stack.zoom)) {
                stack.zoom.plan(DemoSeed.GLOBEX_ACCOUNT_ID, "pro");
                userToken[0] = stack.zoom.userAccessToken(DemoSeed.GLOBEX_USER_ID);
                List<String> bots = new ArrayList<>();
                try (ObfTokenServer obf = new ObfTokenServer(meeting -> stack.zoom.obf(userToken[0], meeting))) {
                    bots.addAll(scenario(stack, tokens));
                    bots.add(obfScenario(stack, obf));
                    obfTokens.addAll(obf.tokens());
                }
                for (String bot : bots) {
                    await().atMost(Api.WAIT)
                            .until(() -> receiver.accepted(bot).stream()
                                    .anyMatch(r -> r.event().equals("bot.done")
                                            || r.event().equals("bot.fatal")));
                }
                stack.api.call("GET", "/api/v1/bot/", null);
                stack.api.call("GET", "/api/v1/webhook-deliveries/", null);
                sources.put(
                        "platform /metrics",
                        get(stack, stack.platform().baseUrl().resolve("/metrics")));
                sources.put("broker /metrics", get(stack, stack.broker.uri().resolve("/metrics")));
                zaks.addAll(tokens.tokens());
                // With the reuse window the broker hands out again the ZAKs it gave the bots.
                zaks.add(brokerZak(stack, null));
                zaks.add(brokerZak(stack, DemoSeed.HOST_EMAIL));
                sources.put("API responses", String.join("\n", stack.api.transcript()));
                stack.stopPlatform();
                sources.put("database", dump(PlatformConfig.embeddedUrl(dir)));
                stack.startPlatform();
            }
            sources.put(
                    "webhook bodies",
                    String.join(
                            "\n",
                            receiver.received().stream()
                                    .map(WebhookReceiver.Received::body)
                                    .toList()));
            // Lines of com.sun.net.httpserver are the test's own OBF token server (ObfTokenServer: the bot creator's
            // server, which logs its request lines at DEBUG); they reach this JVM's log since JUL goes through SLF4J.
            // They are not Signet's: every other logger's line is scanned.
            sources.put(
                    "logs",
                    logs.text()
                            .lines()
                            .filter(line -> !line.matches("^[A-Z]+ com\\.sun\\.net\\.httpserver .*"))
                            .collect(Collectors.joining("\n")));
        }

        assertThat(zaks).hasSizeGreaterThanOrEqualTo(3).allMatch(z -> z.length() >= 20);
        assertThat(obfTokens).hasSizeGreaterThanOrEqualTo(2).allMatch(t -> t.length() >= 20);
        assertThat(sources.get("logs")).as("TRACE logs were captured").contains("TRACE");
        assertThat(sources.get("database")).as("the database was read").contains("bot.done");
        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put("API key", E2eStack.API_KEY);
        secrets.put("broker query secret", E2eStack.BROKER_SECRET);
        secrets.put("platform whsec_ secret", E2eStack.WEBHOOK_SECRET);
        secrets.put("platform whsec_ key", E2eStack.WEBHOOK_SECRET.substring("whsec_".length()));
        secrets.put("broker whsec_ key", BROKER_WHSEC.substring("whsec_".length()));
        secrets.put("S2S client secret", DemoSeed.ACME_S2S_CLIENT_SECRET);
        secrets.put("SDK secret", DemoSeed.ACME_SDK_SECRET);
        secrets.put("encryption key", E2eStack.ENCRYPTION_KEY);
        for (int i = 0; i < zaks.size(); i++) {
            secrets.put("ZAK #" + (i + 1), zaks.get(i));
        }
        for (int i = 0; i < obfTokens.size(); i++) {
            secrets.put("OBF token #" + (i + 1), obfTokens.get(i));
        }
        // Gary's user-level token is not in the list: the platform never holds it (the broker does; its own leak
        // test covers it), and the emulator, which is Zoom here, logs the bearer headers it receives.
        secrets.put("OBF token URL query secret", ObfTokenServer.QUERY_SECRET);
        secrets.put("OAuth client secret", DemoSeed.ACME_OAUTH_CLIENT_SECRET);
        List<String> leaks = new ArrayList<>();
        sources.forEach((source, text) -> secrets.forEach((secret, value) -> {
            int at = text.indexOf(value);
            if (at >= 0) {
                leaks.add(secret + " in " + source + ": …"
                        + text.substring(Math.max(0, at - 200), Math.min(text.length(), at + 40))
                                .replace(value, "<" + secret + ">")
                        + "…");
            }
        }));
        assertThat(leaks).as("secrets shown").isEmpty();
    }

    /** Bots of every kind: signed in through the broker and through an own token server, host, refused, failing. */
    private static List<String> scenario(E2eStack stack, TokenServer tokens) {
        Zoom.Meeting meeting = stack.zoom.create(true, false, null);
        stack.zoom.start(meeting.number());
        String viaBroker = stack.api.createBot(meeting.joinUrl(), "Via Broker", stack.zakUrl(null));
        String minted = stack.api.createBot(
                meeting.joinUrl(), "Own Token Server", tokens.url("/mint/" + DemoSeed.NOTETAKER_USER_ID));
        String anonymous = stack.api.createBot(meeting.joinUrl(), "Anonymous", null);
        String refused = stack.api.createBot(
                meeting.joinUrl(), "Refused", tokens.url("/status/401?token=" + E2eStack.BROKER_SECRET));
        Zoom.Meeting unstarted = stack.zoom.create(true, false, null);
        String host = stack.api.createBot(unstarted.joinUrl(), "Host Bot", stack.zakUrl(DemoSeed.HOST_EMAIL));
        Zoom.Meeting other = stack.zoom.create(true, false, null);
        stack.zoom.start(other.number());
        String hostMinted =
                stack.api.createBot(other.joinUrl(), "Own Host Token", tokens.url("/mint/" + DemoSeed.HOST_USER_ID));
        List<String> inCall = List.of(viaBroker, minted, host, hostMinted);
        for (String bot : inCall) {
            stack.api.awaitStatus(bot, "in_call_not_recording");
            stack.api.bot(bot);
        }
        stack.api.awaitFatal(anonymous, "meeting_requires_sign_in");
        stack.api.awaitFatal(refused, "zoom_zak_fetch_failed");
        for (String bot : inCall) {
            stack.api.leaveCall(bot);
            stack.api.awaitCallEnded(bot, "bot_received_leave_call");
        }
        return List.of(viaBroker, minted, anonymous, refused, host, hostMinted);
    }

    /** An OBF bot in another account's meeting: waits for its user, joins on their behalf, leaves with them. */
    private static String obfScenario(E2eStack stack, ObfTokenServer obf) {
        Zoom.Meeting meeting = stack.zoom.createGlobex(true);
        var body = Api.body(meeting.joinUrl(), "OBF Bot", null);
        body.putObject("zoom").put("obf_token_url", obf.url("/obf")).put("join_token_url", obf.url("/no-join-token"));
        String bot = stack.api.create(body).get("id").asText();
        stack.api.awaitStatus(bot, "in_waiting_room");
        String gary = stack.zoom.start(meeting.number());
        stack.api.awaitStatus(bot, "in_call_not_recording");
        stack.api.bot(bot);
        stack.zoom.leave(gary);
        stack.api.awaitCallEnded(bot, "authorized_user_left");
        return bot;
    }

    private static String get(E2eStack stack, URI uri) {
        Http.Reply reply = stack.http.get(uri, Map.of());
        assertThat(reply.status()).as(uri + ": " + reply.text()).isEqualTo(200);
        return reply.text();
    }

    private static String brokerZak(E2eStack stack, String user) {
        Http.Reply reply = stack.http.get(URI.create(stack.zakUrl(user)), Map.of());
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.text().strip();
    }

    /** Every row of every table, as text. */
    private static String dump(String jdbcUrl) throws SQLException {
        StringBuilder out = new StringBuilder();
        try (Connection connection = DriverManager.getConnection(jdbcUrl)) {
            DatabaseMetaData meta = connection.getMetaData();
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = meta.getTables(null, "PUBLIC", "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            assertThat(tables).as("tables").isNotEmpty();
            for (String table : tables) {
                try (Statement statement = connection.createStatement();
                        ResultSet rows = statement.executeQuery("SELECT * FROM \"" + table + "\"")) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        out.append(table).append(':');
                        for (int i = 1; i <= columns; i++) {
                            out.append(' ').append(rows.getString(i));
                        }
                        out.append('\n');
                    }
                }
            }
        }
        return out.toString();
    }
}
