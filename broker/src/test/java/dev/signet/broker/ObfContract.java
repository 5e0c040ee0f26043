package dev.signet.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OBF side of the broker against a fake Zoom that is strict like Zoom (PKCE checked, refresh tokens rotated and
 * single-use). Runs once on H2 and once on PostgreSQL through its subclasses.
 */
@Timeout(120)
abstract class ObfContract {
    static final FakeUserOAuth.User ANN = new FakeUserOAuth.User("u-ann", "ann@other.example", "acct-other", "Ann Lee");
    static final FakeUserOAuth.User BEN = new FakeUserOAuth.User("u-ben", "ben@other.example", "acct-other", "Ben Ng");
    static final String MEETING = "81234567890";

    @TempDir
    Path dir;

    Fixture broker;

    /** Settings that select this class's database (none for the embedded default). */
    abstract Map<String, String> databaseEnv();

    /** A JDBC URL reaching the same database as the broker. */
    abstract String jdbcUrl();

    @BeforeEach
    void start() {
        broker = startBroker(new FakeZoom());
    }

    Fixture startBroker(FakeZoom zoom) {
        zoom.users.addUser(ANN);
        zoom.users.addUser(BEN);
        Map<String, String> env = Fixture.obfEnv(dir);
        env.putAll(databaseEnv());
        return Fixture.start(zoom, env);
    }

    @AfterEach
    void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void connect_happyPath_storesTheGrantAndSaysWhoConnected() {
        HttpResponse<String> toZoom = broker.open(broker.connectLink());
        assertThat(toZoom.statusCode()).isEqualTo(302);
        String location = toZoom.headers().firstValue("Location").orElseThrow();
        assertThat(location)
                .startsWith(broker.zoom.oauthBase() + "/oauth/authorize?response_type=code&client_id="
                        + FakeZoom.OAUTH_CLIENT_ID)
                .contains("code_challenge_method=S256", "&state=", "redirect_uri=https%3A%2F%2Fbroker.test");

        broker.zoom.users.consentAs(ANN.id());
        HttpResponse<String> page = broker.callback(broker.consent(toZoom));

        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("Connected", "Ann Lee", "ann@other.example");
        // The verifier went to Zoom with the code, and Zoom (strict) checked it against the challenge.
        assertThat(broker.zoom.users.verifiersSeen)
                .singleElement()
                .satisfies(v -> assertThat(v).hasSize(43));
        assertThat(connections()).contains("\"user_id\":\"u-ann\"", "\"state\":\"connected\"");
        assertThat(broker.obf(ANN.id(), MEETING).statusCode()).isEqualTo(200);
    }

    @Test
    void connect_adminBearerWorksAndAnythingElseIs401() {
        assertThat(broker.get("/connect", "Authorization", "Bearer " + Fixture.ADMIN)
                        .statusCode())
                .isEqualTo(302);
        assertThat(broker.get("/connect").statusCode()).isEqualTo(401);
        assertThat(broker.get("/connect", "Authorization", "Bearer wrong-admin-secret-123")
                        .statusCode())
                .isEqualTo(401);
        String link = broker.connectLink();
        assertThat(broker.get(link.replaceAll("sig=[^&]+", "sig=forged")).statusCode())
                .isEqualTo(401);
        broker.clock.advance(Duration.ofDays(1).plusSeconds(1));
        HttpResponse<String> expired = broker.open(link);
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(expired.body()).contains("not valid or has expired");
    }

    @Test
    void callback_reusedState_isRefused() {
        broker.zoom.users.consentAs(ANN.id());
        HttpResponse<String> fromZoom = broker.consent(broker.open(broker.connectLink()));
        assertThat(broker.callback(fromZoom).statusCode()).isEqualTo(200);

        HttpResponse<String> again = broker.callback(fromZoom);

        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("already used");
    }

    @Test
    void callback_unknownOrMissingState_isRefused() {
        assertThat(broker.get("/connect/callback?code=abc&state=never-issued-state")
                        .statusCode())
                .isEqualTo(400);
        assertThat(broker.get("/connect/callback?code=abc").statusCode()).isEqualTo(400);
        assertThat(connections()).doesNotContain("user_id");
    }

    @Test
    void callback_after10Minutes_stateExpired() {
        broker.zoom.users.consentAs(ANN.id());
        HttpResponse<String> fromZoom = broker.consent(broker.open(broker.connectLink()));
        broker.clock.advance(Duration.ofMinutes(10).plusSeconds(1));

        HttpResponse<String> page = broker.callback(fromZoom);

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("expired");
        assertThat(connections()).doesNotContain("user_id");
    }

    @Test
    void callback_consentDenied_connectsNothing() {
        broker.zoom.users.denyConsent();

        HttpResponse<String> page = broker.callback(broker.consent(broker.open(broker.connectLink())));

        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("declined");
        assertThat(connections()).doesNotContain("user_id");
    }

    @Test
    void callback_codeExchangeRefused_connectsNothing() {
        broker.zoom.users.consentAs(ANN.id());
        broker.zoom.users.nextTokenAnswer(
                FakeZoom.Answer.json(400, "{\"reason\":\"Invalid authorization code\",\"error\":\"invalid_grant\"}"));

        HttpResponse<String> page = broker.callback(broker.consent(broker.open(broker.connectLink())));

        assertThat(page.statusCode()).isEqualTo(502);
        assertThat(page.body()).contains("did not accept");
        assertThat(connections()).doesNotContain("user_id");
    }

    @Test
    void grant_isEncryptedAtRest() throws SQLException {
        assertThat(broker.connect(ANN.id()).statusCode()).isEqualTo(200);
        assertThat(broker.obf(ANN.id(), MEETING).statusCode()).isEqualTo(200);

        List<String> cells = rawCells("SELECT * FROM zoom_grants");
        cells.addAll(rawCells("SELECT * FROM connect_states"));

        assertThat(String.join(" ", cells)).contains("u-ann");
        for (String token : broker.zoom.issuedTokens()) {
            for (String cell : cells) {
                assertThat(cell).doesNotContain(token);
            }
        }
        assertThat(cells).anySatisfy(cell -> assertThat(cell).startsWith("v1:"));
    }

    @Test
    void obf_mintsAFreshTokenEveryTime() {
        broker.connect(ANN.id());

        HttpResponse<String> first = broker.obf(ANN.id(), MEETING);
        HttpResponse<String> second = broker.obf(ANN.email(), MEETING);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(first.body()).isNotEqualTo(second.body()).contains("m" + MEETING);
        assertThat(first.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(first.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        assertThat(broker.zoom.users.obfCalls).hasValue(2);
        assertThat(broker.metric("signet_broker_requests_seconds_count", "outcome=\"minted\""))
                .isEqualTo(2);
    }

    @Test
    void obf_badRequests() {
        broker.connect(ANN.id());

        assertThat(broker.get("/zoom/obf?user=u-ann&meeting_id=" + MEETING).statusCode())
                .isEqualTo(401);
        HttpResponse<String> missing = broker.get("/zoom/obf?token=" + Fixture.SECRET + "&user=u-ann");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).startsWith("invalid_request:");
        assertThat(broker.obf(ANN.id(), "12ab").statusCode()).isEqualTo(400);
        assertThat(broker.get("/zoom/obf?token=" + Fixture.SECRET + "&meeting_id=" + MEETING)
                        .statusCode())
                .isEqualTo(400);
        HttpResponse<String> stranger = broker.obf("nobody@other.example", MEETING);
        assertThat(stranger.statusCode()).isEqualTo(404);
        assertThat(stranger.body()).startsWith("user_not_connected:");
        assertThat(broker.send("POST", "/zoom/obf?token=" + Fixture.SECRET).statusCode())
                .isEqualTo(405);
    }

    @Test
    void obf_refreshDue_rotatedTokenIsStoredBeforeUse() {
        broker.connect(ANN.id());
        broker.clock.advance(Duration.ofMinutes(56));

        assertThat(broker.obf(ANN.id(), MEETING).statusCode()).isEqualTo(200);
        assertThat(broker.zoom.users.refreshCalls).hasValue(1);

        // A new broker on the same database: only the stored (rotated) refresh token can work now.
        FakeZoom zoom = broker.zoom;
        broker.broker.close();
        broker = Fixture.start(zoom, withDatabase(Fixture.obfEnv(dir)));
        broker.clock.advance(Duration.ofHours(2));
        HttpResponse<String> again = broker.obf(ANN.id(), MEETING);

        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(zoom.users.refreshCalls).hasValue(2);
        assertThat(zoom.users.reusedRefreshTokens).hasValue(0);
    }

    @Test
    void obf_100ConcurrentCallsWithARefreshDue_refreshOnceAndNeverLoseTheGrant() throws Exception {
        broker.connect(ANN.id());
        broker.clock.advance(Duration.ofHours(1));
        CountDownLatch hold = broker.zoom.users.holdRefreshes();
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 100; i++) {
                answers.add(callers.submit(() -> broker.obf(ANN.id(), MEETING)));
            }
            org.awaitility.Awaitility.await()
                    .atMost(Duration.ofSeconds(20))
                    .until(() -> broker.zoom.users.refreshCalls.get() >= 1);
            hold.countDown();
            Set<String> tokens = ConcurrentHashMap.newKeySet();
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get();
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                tokens.add(response.body());
            }
            assertThat(tokens).hasSize(100);
        }

        assertThat(broker.zoom.users.refreshCalls).hasValue(1);
        assertThat(broker.zoom.users.reusedRefreshTokens).hasValue(0);
        assertThat(connections()).contains("\"state\":\"connected\"");
        broker.clock.advance(Duration.ofHours(1));
        assertThat(broker.obf(ANN.id(), MEETING).statusCode()).isEqualTo(200);
        assertThat(broker.zoom.users.refreshCalls).hasValue(2);
    }

    @Test
    void obf_grantRevokedAtZoom_turnsDisconnectedWithAMetric() {
        broker.connect(ANN.id());
        broker.zoom.users.revokeUser(ANN.id());
        broker.clock.advance(Duration.ofHours(1));

        HttpResponse<String> answer = broker.obf(ANN.id(), MEETING);

        assertThat(answer.statusCode()).isEqualTo(409);
        assertThat(answer.body()).startsWith("user_disconnected:");
        assertThat(connections()).contains("\"state\":\"disconnected\"", "invalid_grant");
        assertThat(broker.metric("signet_broker_grant_refreshes_total", "outcome=\"invalid_grant\""))
                .isEqualTo(1);
        assertThat(broker.metric("signet_broker_grants", "state=\"disconnected\""))
                .isEqualTo(1);
        // Disconnected stays disconnected without asking Zoom again.
        assertThat(broker.obf(ANN.id(), MEETING).statusCode()).isEqualTo(409);
        assertThat(broker.zoom.users.refreshCalls).hasValue(1);
        // Connecting again restores it.
        assertThat(broker.connect(ANN.id()).statusCode()).isEqualTo(200);
        assertThat(broker.obf(ANN.id(), MEETING).statusCode()).isEqualTo(200);
    }

    @Test
    void obf_accessTokenRevokedBeforeExpiry_refreshesOnceThenDisconnects() {
        broker.connect(ANN.id());
        broker.zoom.users.revokeUser(ANN.id());

        assertThat(broker.obf(ANN.id(), MEETING).statusCode()).isEqualTo(409);
        assertThat(broker.zoom.users.obfCalls).hasValue(1);
        assertThat(broker.zoom.users.refreshCalls).hasValue(1);
    }

    @Test
    void obf_zoomRateLimits_503WithRetryAfter() {
        broker.connect(ANN.id());
        broker.zoom.users.nextObfAnswer(FakeZoom.Answer.rateLimited("12"));

        HttpResponse<String> answer = broker.obf(ANN.id(), MEETING);

        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Retry-After")).contains("12");
        broker.zoom.users.nextObfAnswer(FakeZoom.Answer.serverError());
        HttpResponse<String> failed = broker.obf(ANN.id(), MEETING);
        assertThat(failed.statusCode()).isEqualTo(502);
        assertThat(failed.body()).startsWith("zoom_error:");
    }

    @Test
    void idleGrants_areRefreshedInTheBackground() {
        broker.connect(ANN.id());
        broker.connect(BEN.id());
        broker.clock.advance(Duration.ofDays(29));
        assertThat(broker.broker.refreshIdleGrants()).isZero();

        broker.clock.advance(Duration.ofDays(2));

        assertThat(broker.broker.refreshIdleGrants()).isEqualTo(2);
        assertThat(broker.zoom.users.refreshCalls).hasValue(2);
        assertThat(broker.broker.refreshIdleGrants()).isZero();
        assertThat(broker.obf(BEN.id(), MEETING).statusCode()).isEqualTo(200);
    }

    @Test
    void deauthorizationEvent_verified_deletesTheGrant() {
        broker.connect(ANN.id());
        String body = "{\"event\":\"app_deauthorized\",\"event_ts\":1,\"payload\":{\"account_id\":\"acct-other\","
                + "\"user_id\":\"u-ann\",\"signature\":\"x\",\"deauthorization_time\":\"2026-03-02T10:00:00Z\","
                + "\"client_id\":\"" + FakeZoom.OAUTH_CLIENT_ID + "\"}}";

        assertThat(ZoomEvents.post(broker, body, ZoomEvents.signed(broker, body))
                        .statusCode())
                .isEqualTo(200);

        assertThat(connections()).doesNotContain("u-ann");
        assertThat(broker.obf(ANN.id(), MEETING).statusCode()).isEqualTo(404);
        assertThat(broker.metric("signet_broker_grant_events_total", "event=\"deauthorized\""))
                .isEqualTo(1);
    }

    @Test
    void deauthorizationEvent_unsignedOrBadlySigned_is401AndKeepsTheGrant() {
        broker.connect(ANN.id());
        String body = "{\"event\":\"app_deauthorized\",\"payload\":{\"user_id\":\"u-ann\",\"client_id\":\""
                + FakeZoom.OAUTH_CLIENT_ID + "\"}}";
        String[] good = ZoomEvents.signed(broker, body);
        long now = broker.clock.instant().getEpochSecond();

        assertThat(ZoomEvents.post(broker, body).statusCode()).isEqualTo(401);
        assertThat(ZoomEvents.post(broker, body + " ", good).statusCode()).isEqualTo(401);
        assertThat(ZoomEvents.post(
                                broker,
                                body,
                                "x-zm-request-timestamp",
                                Long.toString(now),
                                "x-zm-signature",
                                "v0=" + "0".repeat(64))
                        .statusCode())
                .isEqualTo(401);
        broker.clock.advance(Duration.ofMinutes(6));
        assertThat(ZoomEvents.post(broker, body, good).statusCode()).isEqualTo(401);

        assertThat(connections()).contains("u-ann");
    }

    @Test
    void operator_listsWithoutTokensAndDisconnectsWithRevocation() {
        broker.connect(ANN.id());
        broker.connect(BEN.id());

        String list = connections();
        assertThat(list)
                .contains(
                        "\"email\":\"ann@other.example\"",
                        "\"email\":\"ben@other.example\"",
                        "connected_at",
                        "last_refresh_at",
                        "\"last_error\":null");
        for (String token : broker.zoom.issuedTokens()) {
            assertThat(list).doesNotContain(token);
        }
        assertThat(broker.get("/admin/connections").statusCode()).isEqualTo(401);
        assertThat(broker.send("DELETE", "/admin/connections/u-ann").statusCode())
                .isEqualTo(401);

        HttpResponse<String> deleted = broker.send(
                "DELETE", "/admin/connections/ann@other.example", "Authorization", "Bearer " + Fixture.ADMIN);

        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
        assertThat(broker.zoom.users.revoked).containsExactly("u-ann");
        assertThat(broker.zoom.users.hasGrant("u-ann")).isFalse();
        assertThat(connections()).doesNotContain("u-ann").contains("u-ben");
        assertThat(broker.obf(ANN.id(), MEETING).statusCode()).isEqualTo(404);
        assertThat(broker.send("DELETE", "/admin/connections/u-ann", "Authorization", "Bearer " + Fixture.ADMIN)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void operator_disconnectOfAGrantZoomAlreadyRefuses_deletesIt() {
        broker.connect(ANN.id());
        broker.zoom.users.revokeUser(ANN.id());

        assertThat(broker.send("DELETE", "/admin/connections/u-ann", "Authorization", "Bearer " + Fixture.ADMIN)
                        .statusCode())
                .isEqualTo(204);
        assertThat(connections()).doesNotContain("u-ann");
    }

    Map<String, String> withDatabase(Map<String, String> env) {
        env.putAll(databaseEnv());
        return env;
    }

    String connections() {
        HttpResponse<String> list = broker.get("/admin/connections", "Authorization", "Bearer " + Fixture.ADMIN);
        assertThat(list.statusCode()).isEqualTo(200);
        return list.body();
    }

    List<String> rawCells(String sql) throws SQLException {
        List<String> cells = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                for (int i = 1; i <= columns; i++) {
                    cells.add(String.valueOf(rows.getString(i)));
                }
            }
        }
        return cells;
    }

    /** Zoom's signed event notifications. */
    static final class ZoomEvents {
        static String[] signed(Fixture broker, String body) {
            long now = broker.clock.instant().getEpochSecond();
            String signature = new dev.signet.broker.events.ZoomSignature(
                            dev.signet.secrets.Secret.of(Fixture.ZOOM_TOKEN), broker.clock)
                    .sign(now, body.getBytes(StandardCharsets.UTF_8));
            return new String[] {"x-zm-request-timestamp", Long.toString(now), "x-zm-signature", signature};
        }

        static HttpResponse<String> post(Fixture broker, String body, String... headers) {
            java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(broker.uri("/zoom/events"))
                    .header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body));
            if (headers.length > 0) {
                request.headers(headers);
            }
            try {
                return broker.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    static Instant epoch(long seconds) {
        return Instant.ofEpochSecond(seconds);
    }
}
