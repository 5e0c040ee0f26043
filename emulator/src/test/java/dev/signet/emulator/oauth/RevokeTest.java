package dev.signet.emulator.oauth;

import static dev.signet.emulator.Fixture.assertAnswer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.emulator.Fixture;
import dev.signet.emulator.TestHttp;
import dev.signet.emulator.seed.DemoSeed;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class RevokeTest {
    private static final String APP_BASIC =
            TestHttp.basic(DemoSeed.ACME_OAUTH_CLIENT_ID, DemoSeed.ACME_OAUTH_CLIENT_SECRET);
    private static final String SUCCESS = "{\"status\":\"success\"}";
    private static final String INVALID_TOKEN = "{\"reason\":\"Invalid Token!\",\"error\":\"invalid_request\"}";

    private final Fixture f = Fixture.demo();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void revoke_accessToken_endsTheWholeGrant() {
        Fixture.UserGrant grant = f.authorize(DemoSeed.HOST_USER_ID);

        assertAnswer(revoke("token=" + grant.accessToken(), APP_BASIC), 200, SUCCESS);

        assertAnswer(me(grant.accessToken()), 401, "{\"code\":124,\"message\":\"Invalid access token.\"}");
        assertAnswer(refresh(grant.refreshToken()), 400, "{\"reason\":\"Invalid Token!\",\"error\":\"invalid_grant\"}");
    }

    @Test
    void revoke_refreshTokenAsQueryParam_endsAccessTokensOfEveryRefresh() {
        Fixture.UserGrant grant = f.authorize(DemoSeed.HOST_USER_ID);
        HttpResponse<String> refreshed = refresh(grant.refreshToken());
        String laterAccess = Fixture.json(refreshed).get("access_token").asText();
        String laterRefresh = Fixture.json(refreshed).get("refresh_token").asText();

        HttpResponse<String> r = f.http.send(f.http.request("/oauth/revoke?token=" + laterRefresh)
                .header("Authorization", APP_BASIC)
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));

        assertAnswer(r, 200, SUCCESS);
        assertThat(me(grant.accessToken()).statusCode()).isEqualTo(401);
        assertThat(me(laterAccess).statusCode()).isEqualTo(401);
        assertThat(refresh(laterRefresh).statusCode()).isEqualTo(400);
    }

    @Test
    void revoke_unknownOrAlreadyRevokedToken_is400InvalidToken() {
        assertAnswer(revoke("token=made-up", APP_BASIC), 400, INVALID_TOKEN);

        Fixture.UserGrant grant = f.authorize(DemoSeed.HOST_USER_ID);
        assertAnswer(revoke("token=" + grant.refreshToken(), APP_BASIC), 200, SUCCESS);
        assertAnswer(revoke("token=" + grant.refreshToken(), APP_BASIC), 400, INVALID_TOKEN);
    }

    @Test
    void revoke_s2sToken_isNotAUserGrant_is400() {
        String s2s = f.acmeToken();

        assertAnswer(
                revoke("token=" + s2s, TestHttp.basic(DemoSeed.ACME_S2S_CLIENT_ID, DemoSeed.ACME_S2S_CLIENT_SECRET)),
                400,
                "{\"reason\":\"Invalid client_id or client_secret\",\"error\":\"invalid_client\"}");
        assertAnswer(revoke("token=" + s2s, APP_BASIC), 400, INVALID_TOKEN);
        assertThat(me(s2s).statusCode()).as("the S2S token still works").isNotEqualTo(401);
    }

    @Test
    void revoke_badClientOrMissingToken_is400() {
        Fixture.UserGrant grant = f.authorize(DemoSeed.HOST_USER_ID);

        assertAnswer(
                revoke("token=" + grant.accessToken(), TestHttp.basic(DemoSeed.ACME_OAUTH_CLIENT_ID, "wrong")),
                400,
                "{\"reason\":\"Invalid client_id or client_secret\",\"error\":\"invalid_client\"}");
        assertAnswer(revoke("", APP_BASIC), 400, "{\"reason\":\"Bad Request\",\"error\":\"invalid_request\"}");
        assertThat(me(grant.accessToken()).statusCode()).isEqualTo(200);
    }

    @Test
    void revoke_tokenOfAnotherApp_is400_andLeavesItsGrant() {
        f.http.postJson(
                "/emulator/admin/seed",
                "{\"accounts\":[{\"id\":\"acme-account\",\"name\":\"Acme\",\"oauth_apps\":[{\"client_id\":\"other-app\","
                        + "\"client_secret\":\"other-secret\",\"redirect_uris\":[\"http://127.0.0.1\"]}]}]}");
        Fixture.UserGrant grant = f.authorize(DemoSeed.HOST_USER_ID);

        assertAnswer(
                revoke("token=" + grant.accessToken(), TestHttp.basic("other-app", "other-secret")),
                400,
                INVALID_TOKEN);
        assertThat(me(grant.accessToken()).statusCode()).isEqualTo(200);
    }

    @Test
    void obf_afterRevoke_mintingIs124_andUnusedObfTokensAre4014() {
        Fixture.UserGrant grant = f.authorize(DemoSeed.HOST_USER_ID);
        String minted = obf(grant.accessToken());
        f.startAsHost(DemoSeed.ACME_MEETING);

        assertAnswer(revoke("token=" + grant.refreshToken(), APP_BASIC), 200, SUCCESS);

        assertAnswer(
                f.http.get(
                        "/v2/users/me/token?type=onbehalf&meeting_id=" + DemoSeed.ACME_MEETING,
                        "Authorization",
                        "Bearer " + grant.accessToken()),
                401,
                "{\"code\":124,\"message\":\"Invalid access token.\"}");
        assertAnswer(
                f.join(
                        DemoSeed.ACME_MEETING,
                        "signature",
                        f.acmeSignature(DemoSeed.ACME_MEETING, 0),
                        "display_name",
                        "Bot",
                        "passcode",
                        DemoSeed.ACME_MEETING_PASSCODE,
                        "obf_token",
                        minted),
                403,
                "{\"error_code\":4014,\"reason\":\"The OBF token is invalid or has already been used.\"}");
        // the user authorizes again: a new grant mints again
        assertThat(obf(f.authorize(DemoSeed.HOST_USER_ID).accessToken())).isNotBlank();
    }

    private String obf(String accessToken) {
        HttpResponse<String> r = f.http.get(
                "/v2/users/me/token?type=onbehalf&meeting_id=" + DemoSeed.ACME_MEETING,
                "Authorization",
                "Bearer " + accessToken);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Fixture.json(r).get("token").asText();
    }

    private HttpResponse<String> revoke(String form, String basic) {
        return f.http.postForm("/oauth/revoke", form, "Authorization", basic);
    }

    private HttpResponse<String> me(String accessToken) {
        return f.http.get("/v2/users/me", "Authorization", "Bearer " + accessToken);
    }

    private HttpResponse<String> refresh(String refreshToken) {
        return f.http.postForm(
                "/oauth/token", "grant_type=refresh_token&refresh_token=" + refreshToken, "Authorization", APP_BASIC);
    }
}
