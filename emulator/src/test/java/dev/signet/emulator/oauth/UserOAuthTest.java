package dev.signet.emulator.oauth;

import static dev.signet.emulator.Fixture.assertAnswer;
import static dev.signet.emulator.Fixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.emulator.Fixture;
import dev.signet.emulator.TestHttp;
import dev.signet.emulator.seed.DemoSeed;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class UserOAuthTest {
    private static final String APP_BASIC =
            TestHttp.basic(DemoSeed.ACME_OAUTH_CLIENT_ID, DemoSeed.ACME_OAUTH_CLIENT_SECRET);
    private static final String REDIRECT = "http://127.0.0.1:9/callback";

    private final Fixture f = Fixture.demo();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void authorizePage_listsSeededUsersEscaped() {
        HttpResponse<String> r = f.http.get("/oauth/authorize?response_type=code&client_id="
                + DemoSeed.ACME_OAUTH_CLIENT_ID + "&redirect_uri=" + REDIRECT + "&state=%3Cscript%3E");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(r.body())
                .contains("Hana Host &lt;host@acme.example&gt;", "value=\"u-acme-notetaker\"")
                .contains("value=\"&lt;script&gt;\"")
                .doesNotContain("<script>");
    }

    @Test
    void authorizePage_badClientOrRedirect_is400NamingTheField() {
        assertAnswer(
                f.http.get("/oauth/authorize?response_type=code&client_id=nope&redirect_uri=" + REDIRECT),
                400,
                "{\"error_code\":1,\"reason\":\"client_id is not a user-level OAuth app\"}");
        assertAnswer(
                f.http.get("/oauth/authorize?response_type=code&client_id=" + DemoSeed.ACME_OAUTH_CLIENT_ID
                        + "&redirect_uri=https://evil.example/cb"),
                400,
                "{\"error_code\":1,\"reason\":\"redirect_uri is not on the app's allow list\"}");
        assertAnswer(
                f.http.get("/oauth/authorize?response_type=token&client_id=" + DemoSeed.ACME_OAUTH_CLIENT_ID
                        + "&redirect_uri=" + REDIRECT),
                400,
                "{\"error_code\":1,\"reason\":\"response_type must be code\"}");
    }

    @Test
    void approve_redirectsWithCodeAndState() {
        HttpResponse<String> r = consent("approve", DemoSeed.NOTETAKER_USER_ID);

        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElseThrow())
                .matches("http://127\\.0\\.0\\.1:9/callback\\?code=[A-Za-z0-9_\\-]+&state=xyz");
    }

    @Test
    void deny_redirectsWithAccessDenied() {
        HttpResponse<String> r = consent("deny", DemoSeed.NOTETAKER_USER_ID);

        assertThat(r.headers().firstValue("Location")).hasValue(REDIRECT + "?error=access_denied&state=xyz");
    }

    @Test
    void code_exchangedOnce_answersUserTokens() {
        String code = code(consent("approve", DemoSeed.HOST_USER_ID));

        HttpResponse<String> r = exchange(code, REDIRECT);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r).fieldNames())
                .toIterable()
                .containsExactly("access_token", "token_type", "refresh_token", "expires_in", "scope", "api_url");
        assertThat(json(r).get("expires_in").asInt()).isEqualTo(3599);

        assertAnswer(
                exchange(code, REDIRECT),
                400,
                "{\"reason\":\"Invalid authorization code\",\"error\":\"invalid_grant\"}");
    }

    @Test
    void code_withOtherRedirect_isMismatch() {
        String code = code(consent("approve", DemoSeed.HOST_USER_ID));

        assertAnswer(
                exchange(code, "http://127.0.0.1:9/other"),
                400,
                "{\"reason\":\"Redirect URI mismatch.\",\"error\":\"invalid_request\"}");
    }

    @Test
    void code_withS2sAppCredentials_isInvalidClient() {
        String code = code(consent("approve", DemoSeed.HOST_USER_ID));

        HttpResponse<String> r = f.http.postForm(
                "/oauth/token",
                "grant_type=authorization_code&code=" + code + "&redirect_uri=" + REDIRECT,
                "Authorization",
                TestHttp.basic(DemoSeed.ACME_S2S_CLIENT_ID, DemoSeed.ACME_S2S_CLIENT_SECRET));

        assertAnswer(r, 400, "{\"reason\":\"Invalid client_id or client_secret\",\"error\":\"invalid_client\"}");
    }

    @Test
    void refresh_rotates_oldRefreshTokenStopsWorking() {
        Fixture.UserGrant grant = f.authorize(DemoSeed.HOST_USER_ID);

        HttpResponse<String> first = refresh(grant.refreshToken());
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        String rotated = json(first).get("refresh_token").asText();
        assertThat(rotated).isNotEqualTo(grant.refreshToken());

        assertAnswer(refresh(grant.refreshToken()), 400, "{\"reason\":\"Invalid Token!\",\"error\":\"invalid_grant\"}");
        assertThat(refresh(rotated).statusCode()).isEqualTo(200);
        String access = json(first).get("access_token").asText();
        assertThat(f.http.get("/v2/users/me", "Authorization", "Bearer " + access)
                        .statusCode())
                .isEqualTo(200);
    }

    private HttpResponse<String> consent(String decision, String userId) {
        return f.http.postForm(
                "/oauth/authorize",
                "response_type=code&client_id=" + DemoSeed.ACME_OAUTH_CLIENT_ID + "&redirect_uri=" + REDIRECT
                        + "&state=xyz&user_id=" + userId + "&decision=" + decision);
    }

    private static String code(HttpResponse<String> consent) {
        String location = consent.headers().firstValue("Location").orElseThrow();
        return location.substring(location.indexOf("code=") + 5, location.indexOf("&state="));
    }

    private HttpResponse<String> exchange(String code, String redirect) {
        return f.http.postForm(
                "/oauth/token",
                "grant_type=authorization_code&code=" + code + "&redirect_uri=" + redirect,
                "Authorization",
                APP_BASIC);
    }

    private HttpResponse<String> refresh(String refreshToken) {
        return f.http.postForm(
                "/oauth/token", "grant_type=refresh_token&refresh_token=" + refreshToken, "Authorization", APP_BASIC);
    }
}
