package dev.signet.emulator.deauth;

import static dev.signet.emulator.Fixture.assertAnswer;
import static dev.signet.emulator.Fixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signet.emulator.Fixture;
import dev.signet.emulator.TestHttp;
import dev.signet.emulator.secret.Secret;
import dev.signet.emulator.seed.DemoSeed;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class DeauthorizationTest {
    private static final String APP = "events-app";
    private static final String APP_SECRET = "events-app-secret";
    private static final String SECRET_TOKEN = "whsec-zoom-secret-token";

    private final EventReceiver receiver = new EventReceiver();
    private final Fixture f = Fixture.demo();

    @AfterEach
    void close() {
        f.close();
        receiver.close();
    }

    private void seedApp(String eventFields) {
        HttpResponse<String> r = f.http.postJson(
                "/emulator/admin/seed",
                "{\"accounts\":[{\"id\":\"acme-account\",\"name\":\"Acme\",\"oauth_apps\":[{\"client_id\":\"" + APP
                        + "\",\"client_secret\":\"" + APP_SECRET + "\",\"redirect_uris\":[\"http://127.0.0.1\"]"
                        + eventFields + "}]}]}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(204);
    }

    private void seedAppWithEvents() {
        seedApp(",\"event_url\":\"" + receiver.url() + "\",\"secret_token\":\"" + SECRET_TOKEN + "\"");
    }

    private HttpResponse<String> deauthorize(String userId, String clientId) {
        return f.http.postJson("/emulator/admin/users/" + userId + "/deauthorize?client_id=" + clientId, "");
    }

    @Test
    void deauthorize_postsZoomsSignedAppDeauthorizedEvent_andAnswersTheReceiversStatus() throws Exception {
        seedAppWithEvents();
        f.authorize(APP, APP_SECRET, DemoSeed.HOST_USER_ID);

        HttpResponse<String> r = deauthorize(DemoSeed.HOST_USER_ID, APP);

        assertAnswer(
                r,
                200,
                "{\"user_id\":\"u-hana-host\",\"account_id\":\"acme-account\",\"client_id\":\"events-app\","
                        + "\"deauthorization_time\":\"2026-03-02T09:00:00.000Z\","
                        + "\"event\":{\"attempted\":true,\"status\":200,\"error\":null}}");
        assertThat(receiver.received).hasSize(1);
        EventReceiver.Received event = receiver.received.getFirst();
        assertThat(event.method()).isEqualTo("POST");
        assertThat(event.path()).isEqualTo("/zoom/events");
        assertThat(event.header("Content-Type")).isEqualTo("application/json");
        assertThat(event.header("x-zm-request-timestamp")).isEqualTo("1772442000");
        assertThat(event.header("x-zm-signature"))
                .isEqualTo("v0=" + hmacHex(SECRET_TOKEN, "v0:1772442000:" + event.body()));
        JsonNode body = Fixture.JSON.readTree(event.body());
        assertThat(body.fieldNames()).toIterable().containsExactly("event", "event_ts", "payload");
        assertThat(body.get("event").asText()).isEqualTo("app_deauthorized");
        assertThat(body.get("event_ts").asLong()).isEqualTo(1772442000000L);
        JsonNode payload = body.get("payload");
        assertThat(payload.fieldNames())
                .toIterable()
                .containsExactly(
                        "account_id",
                        "user_id",
                        "signature",
                        "deauthorization_time",
                        "client_id",
                        "user_data_retention");
        assertThat(payload.get("account_id").asText()).isEqualTo(DemoSeed.ACME_ACCOUNT_ID);
        assertThat(payload.get("user_id").asText()).isEqualTo(DemoSeed.HOST_USER_ID);
        assertThat(payload.get("signature").asText()).matches("[0-9a-f]{64}");
        assertThat(payload.get("deauthorization_time").asText()).isEqualTo("2026-03-02T09:00:00.000Z");
        assertThat(payload.get("client_id").asText()).isEqualTo(APP);
        assertThat(event.body()).doesNotContain(SECRET_TOKEN, APP_SECRET);
    }

    @Test
    void signature_matchesZoomsSchemeComputedOutsideJava() {
        // python3: hmac.new(b'whsec-zoom-secret-token', b'v0:1772442000:{"event":"app_deauthorized"}', sha256)
        assertThat(EventNotifier.signature(Secret.of(SECRET_TOKEN), "1772442000", "{\"event\":\"app_deauthorized\"}"))
                .isEqualTo("v0=c4bbe8b2d06c521bb0442b8e7d08c1e7fdd0ac35e9cd62b32ead3865b0378833");
    }

    @Test
    void deauthorize_endsTheGrant_tokensAndObfMintingStopWorking() {
        seedAppWithEvents();
        Fixture.UserGrant grant = f.authorize(APP, APP_SECRET, DemoSeed.HOST_USER_ID);
        Fixture.UserGrant otherApp = f.authorize(DemoSeed.HOST_USER_ID);

        assertThat(deauthorize(DemoSeed.HOST_EMAIL, APP).statusCode()).isEqualTo(200);

        assertAnswer(
                f.http.get(
                        "/v2/users/me/token?type=onbehalf&meeting_id=" + DemoSeed.ACME_MEETING,
                        "Authorization",
                        "Bearer " + grant.accessToken()),
                401,
                "{\"code\":124,\"message\":\"Invalid access token.\"}");
        assertAnswer(
                f.http.postForm(
                        "/oauth/token",
                        "grant_type=refresh_token&refresh_token=" + grant.refreshToken(),
                        "Authorization",
                        TestHttp.basic(APP, APP_SECRET)),
                400,
                "{\"reason\":\"Invalid Token!\",\"error\":\"invalid_grant\"}");
        assertThat(f.http.get("/v2/users/me", "Authorization", "Bearer " + otherApp.accessToken())
                        .statusCode())
                .as("the user's grant of another app stands")
                .isEqualTo(200);
    }

    @Test
    void deauthorize_receiverFails_answersItsStatus_andTheGrantIsGoneAnyway() {
        seedAppWithEvents();
        receiver.answer(500);
        Fixture.UserGrant grant = f.authorize(APP, APP_SECRET, DemoSeed.HOST_USER_ID);

        HttpResponse<String> r = deauthorize(DemoSeed.HOST_USER_ID, APP);

        assertThat(json(r).get("event").toString()).isEqualTo("{\"attempted\":true,\"status\":500,\"error\":null}");
        assertThat(f.http.get("/v2/users/me", "Authorization", "Bearer " + grant.accessToken())
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void deauthorize_receiverUnreachable_answersTheError() {
        seedAppWithEvents();
        receiver.close(); // the loopback port now refuses connections
        f.authorize(APP, APP_SECRET, DemoSeed.HOST_USER_ID);

        JsonNode event = json(deauthorize(DemoSeed.HOST_USER_ID, APP)).get("event");

        assertThat(event.get("attempted").asBoolean()).isTrue();
        assertThat(event.get("status").isNull()).isTrue();
        assertThat(event.get("error").asText()).startsWith("ConnectException");
    }

    @Test
    void deauthorize_appWithoutEventUrl_sendsNothing() {
        f.authorize(DemoSeed.HOST_USER_ID);

        JsonNode event = json(deauthorize(DemoSeed.HOST_USER_ID, DemoSeed.ACME_OAUTH_CLIENT_ID))
                .get("event");

        assertThat(event.toString())
                .isEqualTo("{\"attempted\":false,\"status\":null,\"error\":\"the app has no event_url\"}");
        assertThat(receiver.received).isEmpty();
    }

    @Test
    void reseedingAnAppWithAnEventUrl_keepsItsGrants_andSendsTheEvent() {
        seedApp("");
        f.authorize(APP, APP_SECRET, DemoSeed.HOST_USER_ID);
        seedAppWithEvents();

        JsonNode event = json(deauthorize(DemoSeed.HOST_USER_ID, APP)).get("event");

        assertThat(event.get("status").asInt()).isEqualTo(200);
        assertThat(receiver.received).hasSize(1);
    }

    @Test
    void deauthorize_unknownsAndNoGrant_areErrors_andSendNothing() {
        seedAppWithEvents();

        assertAnswer(
                deauthorize(DemoSeed.HOST_USER_ID, APP),
                409,
                "{\"error_code\":409,\"reason\":\"user u-hana-host has not authorized app events-app\"}");
        assertAnswer(deauthorize("nobody", APP), 404, "{\"error_code\":404,\"reason\":\"user nobody not found\"}");
        assertAnswer(
                deauthorize(DemoSeed.HOST_USER_ID, "nope"),
                404,
                "{\"error_code\":404,\"reason\":\"user-level OAuth app nope not found\"}");
        assertAnswer(
                f.http.postJson("/emulator/admin/users/" + DemoSeed.HOST_USER_ID + "/deauthorize", ""),
                400,
                "{\"error_code\":1,\"reason\":\"client_id is required\"}");
        assertThat(receiver.received).isEmpty();
    }

    @Test
    void appsPage_removeButton_deauthorizesAndShowsTheReceiversAnswer() {
        seedAppWithEvents();
        Fixture.UserGrant grant = f.authorize(APP, APP_SECRET, DemoSeed.NOTETAKER_USER_ID);

        String page = f.http.get("/emulator/web/apps").body();
        assertThat(page)
                .contains("Acme Notetaker &lt;notetaker@acme.example&gt;", "events-app", "<button>Remove app</button>")
                .contains("<input type=\"hidden\" name=\"user_id\" value=\"u-acme-notetaker\">")
                .doesNotContain(grant.accessToken(), grant.refreshToken(), SECRET_TOKEN);
        assertThat(f.http.get("/emulator/web/meetings").body()).contains("href=\"/emulator/web/apps\"");

        HttpResponse<String> removed = f.http.postForm(
                "/emulator/web/apps/deauthorize", "user_id=" + DemoSeed.NOTETAKER_USER_ID + "&client_id=" + APP);

        assertThat(removed.statusCode()).isEqualTo(200);
        assertThat(removed.body()).contains("Deauthorization event: sent; the app&#39;s endpoint answered 200");
        assertThat(receiver.received).hasSize(1);
        assertThat(f.http.get("/emulator/web/apps").body()).doesNotContain("u-acme-notetaker");
    }

    @Test
    void seed_eventUrlWithoutSecretTokenOrNotHttp_isRejected() {
        HttpResponse<String> alone = f.http.postJson(
                "/emulator/admin/seed",
                "{\"accounts\":[{\"id\":\"acme-account\",\"name\":\"Acme\",\"oauth_apps\":[{\"client_id\":\"x\","
                        + "\"client_secret\":\"y\",\"redirect_uris\":[\"http://127.0.0.1\"],\"event_url\":\""
                        + receiver.url() + "\"}]}]}");
        assertThat(alone.statusCode()).isEqualTo(400);
        assertThat(alone.body()).contains("event_url and secret_token go together");

        HttpResponse<String> ftp = f.http.postJson(
                "/emulator/admin/seed",
                "{\"accounts\":[{\"id\":\"acme-account\",\"name\":\"Acme\",\"oauth_apps\":[{\"client_id\":\"x\","
                        + "\"client_secret\":\"y\",\"redirect_uris\":[\"http://127.0.0.1\"],"
                        + "\"event_url\":\"ftp://127.0.0.1/e\",\"secret_token\":\"t\"}]}]}");
        assertThat(ftp.statusCode()).isEqualTo(400);
        assertThat(ftp.body()).contains("event_url must be an http(s) URL");
    }

    private static String hmacHex(String key, String message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    }
}
