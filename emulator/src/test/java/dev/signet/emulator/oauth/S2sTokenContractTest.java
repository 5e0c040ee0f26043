package dev.signet.emulator.oauth;

import static dev.signet.emulator.Fixture.assertAnswer;
import static dev.signet.emulator.Fixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.emulator.Fixture;
import dev.signet.emulator.TestHttp;
import dev.signet.emulator.seed.DemoSeed;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class S2sTokenContractTest {
    private static final String ACME_BASIC =
            TestHttp.basic(DemoSeed.ACME_S2S_CLIENT_ID, DemoSeed.ACME_S2S_CLIENT_SECRET);
    private static final String FORM = "grant_type=account_credentials&account_id=" + DemoSeed.ACME_ACCOUNT_ID;

    private final Fixture f = Fixture.demo();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void token_validCredentials_answersZoomShape() {
        HttpResponse<String> r = f.http.postForm("/oauth/token", FORM, "Authorization", ACME_BASIC);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(r.headers().firstValue("x-zm-trackingid")).isPresent();
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
        var body = json(r);
        assertThat(body.fieldNames())
                .toIterable()
                .containsExactly("access_token", "token_type", "expires_in", "scope", "api_url");
        assertThat(body.get("token_type").asText()).isEqualTo("bearer");
        assertThat(body.get("expires_in").asInt()).isEqualTo(3599);
        assertThat(body.get("scope").asText()).contains("user:read:zak:admin", "meeting:write:meeting:admin");
        assertThat(body.get("api_url").asText()).isEqualTo(f.emulator.baseUrl());
        assertThat(body.get("access_token").asText()).matches("[A-Za-z0-9_\\-]{40,}");
    }

    @Test
    void token_paramsInQuery_areAccepted() {
        HttpResponse<String> r = f.http.send(f.http.request("/oauth/token?" + FORM)
                .header("Authorization", ACME_BASIC)
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    @Test
    void token_wrongSecret_isInvalidClient() {
        HttpResponse<String> r = f.http.postForm(
                "/oauth/token", FORM, "Authorization", TestHttp.basic(DemoSeed.ACME_S2S_CLIENT_ID, "wrong"));

        assertAnswer(r, 400, "{\"reason\":\"Invalid client_id or client_secret\",\"error\":\"invalid_client\"}");
        assertThat(r.headers().firstValue("x-zm-trackingid")).isPresent();
    }

    @Test
    void token_unknownClientOrMissingHeader_isInvalidClient() {
        String expected = "{\"reason\":\"Invalid client_id or client_secret\",\"error\":\"invalid_client\"}";
        assertAnswer(
                f.http.postForm("/oauth/token", FORM, "Authorization", TestHttp.basic("nobody", "x")), 400, expected);
        assertAnswer(f.http.postForm("/oauth/token", FORM), 400, expected);
        assertAnswer(f.http.postForm("/oauth/token", FORM, "Authorization", "Basic !!!"), 400, expected);
    }

    @Test
    void token_otherAccountsId_isInvalidClient() {
        HttpResponse<String> r = f.http.postForm(
                "/oauth/token",
                "grant_type=account_credentials&account_id=" + DemoSeed.GLOBEX_ACCOUNT_ID,
                "Authorization",
                ACME_BASIC);

        assertAnswer(r, 400, "{\"reason\":\"Invalid client_id or client_secret\",\"error\":\"invalid_client\"}");
    }

    @Test
    void token_missingAccountId_isInvalidRequest() {
        HttpResponse<String> r =
                f.http.postForm("/oauth/token", "grant_type=account_credentials", "Authorization", ACME_BASIC);

        assertAnswer(r, 400, "{\"reason\":\"Bad Request\",\"error\":\"invalid_request\"}");
    }

    @Test
    void token_unsupportedOrMissingGrant_isUnsupportedGrantType() {
        String expected = "{\"reason\":\"unsupported grant type\",\"error\":\"unsupported_grant_type\"}";
        for (String form : List.of("grant_type=client_credentials", "account_id=x", "grant_type=")) {
            assertAnswer(f.http.postForm("/oauth/token", form, "Authorization", ACME_BASIC), 400, expected);
        }
    }

    @Test
    void token_reissued_oldTokenStillWorks() {
        String first = f.acmeToken();
        String second = f.acmeToken();

        assertThat(second).isNotEqualTo(first);
        for (String token : List.of(first, second)) {
            assertThat(f.http.get("/v2/users/me", "Authorization", "Bearer " + token)
                            .statusCode())
                    .isNotEqualTo(401);
            assertThat(f.http.get("/v2/users/" + DemoSeed.HOST_USER_ID, "Authorization", "Bearer " + token)
                            .statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void accessToken_afterExpiresIn_isExpired() {
        String token = f.acmeToken();
        f.clock.advance(Duration.ofSeconds(3598));
        assertThat(f.http.get("/v2/users/" + DemoSeed.HOST_USER_ID, "Authorization", "Bearer " + token)
                        .statusCode())
                .isEqualTo(200);

        f.clock.advance(Duration.ofSeconds(1));
        HttpResponse<String> r = f.http.get("/v2/users/" + DemoSeed.HOST_USER_ID, "Authorization", "Bearer " + token);

        assertAnswer(r, 401, "{\"code\":124,\"message\":\"Access token is expired.\"}");
    }

    @Test
    void api_badOrMissingBearer_is124() {
        String expected = "{\"code\":124,\"message\":\"Invalid access token.\"}";
        assertAnswer(f.http.get("/v2/users/" + DemoSeed.HOST_USER_ID, "Authorization", "Bearer nope"), 401, expected);
        assertAnswer(f.http.get("/v2/users/" + DemoSeed.HOST_USER_ID), 401, expected);
    }

    @Test
    void token_blockedAccount_isRefusedAndOldTokensStop() {
        String token = f.acmeToken();
        f.http.postJson("/emulator/admin/accounts/" + DemoSeed.ACME_ACCOUNT_ID + "/block", "{\"blocked\":true}");

        assertAnswer(
                f.http.postForm("/oauth/token", FORM, "Authorization", ACME_BASIC),
                400,
                "{\"reason\":\"The account has been disabled.\",\"error\":\"invalid_request\"}");
        assertAnswer(
                f.http.get("/v2/users/" + DemoSeed.HOST_USER_ID, "Authorization", "Bearer " + token),
                401,
                "{\"code\":124,\"message\":\"Invalid access token.\"}");
    }
}
