package dev.signet.emulator.users;

import static dev.signet.emulator.Fixture.assertAnswer;
import static dev.signet.emulator.Fixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.emulator.Fixture;
import dev.signet.emulator.seed.DemoSeed;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class UserTokenContractTest {
    private final Fixture f = Fixture.demo();

    @AfterEach
    void close() {
        f.close();
    }

    private HttpResponse<String> mint(String userIdAndQuery, String token) {
        return f.http.get("/v2/users/" + userIdAndQuery, "Authorization", "Bearer " + token);
    }

    @Test
    void zak_ofOwnAccountsUser_isOpaqueTokenOnly() {
        HttpResponse<String> r = mint(DemoSeed.NOTETAKER_USER_ID + "/token?type=zak&ttl=600", f.acmeToken());

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).fieldNames()).toIterable().containsExactly("token");
        String zak = json(r).get("token").asText();
        assertThat(zak).hasSizeLessThanOrEqualTo(512).matches("[\\x21-\\x7e]+");
        assertThat(r.headers().firstValue("x-zm-trackingid")).isPresent();
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void zak_byEmail_works() {
        assertThat(mint(DemoSeed.NOTETAKER_EMAIL + "/token?type=zak", f.acmeToken())
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void token_typeOmitted_mintsLegacyTokenThatIsNotAZak() {
        HttpResponse<String> r = mint(DemoSeed.NOTETAKER_USER_ID + "/token", f.acmeToken());

        assertThat(r.statusCode()).isEqualTo(200);
        String legacy = json(r).get("token").asText();
        f.startAsHost(DemoSeed.ACME_MEETING);
        HttpResponse<String> join = f.join(
                DemoSeed.ACME_MEETING,
                "signature",
                f.acmeSignature(DemoSeed.ACME_MEETING, 0),
                "display_name",
                "Bot",
                "passcode",
                DemoSeed.ACME_MEETING_PASSCODE,
                "zak",
                legacy);
        assertAnswer(join, 403, "{\"error_code\":3265,\"reason\":\"Invalid ZAK token.\"}");
    }

    @Test
    void token_badType_isValidationError() {
        assertAnswer(
                mint(DemoSeed.HOST_USER_ID + "/token?type=jwt", f.acmeToken()),
                400,
                "{\"code\":300,\"message\":\"Validation Failed.\",\"errors\":[{\"field\":\"type\",\"message\":\"Invalid field.\"}]}");
    }

    @Test
    void token_ttlOutOfBounds_isValidationError() {
        String token = f.acmeToken();
        String expected = "{\"code\":300,\"message\":\"Validation Failed.\",\"errors\":[{\"field\":\"ttl\","
                + "\"message\":\"ttl must be between 1 and 31536000.\"}]}";
        assertAnswer(mint(DemoSeed.HOST_USER_ID + "/token?type=zak&ttl=0", token), 400, expected);
        assertAnswer(mint(DemoSeed.HOST_USER_ID + "/token?type=zak&ttl=31536001", token), 400, expected);
        assertThat(mint(DemoSeed.HOST_USER_ID + "/token?type=zak&ttl=31536000", token)
                        .statusCode())
                .isEqualTo(200);
        assertAnswer(
                mint(DemoSeed.HOST_USER_ID + "/token?type=zak&ttl=soon", token),
                400,
                "{\"code\":300,\"message\":\"Validation Failed.\",\"errors\":[{\"field\":\"ttl\",\"message\":\"Invalid field.\"}]}");
    }

    @Test
    void token_unknownUser_is1001() {
        assertAnswer(
                mint("nobody@acme.example/token?type=zak", f.acmeToken()),
                404,
                "{\"code\":1001,\"message\":\"User does not exist: nobody@acme.example.\"}");
    }

    @Test
    void token_userOfAnotherAccount_is1001() {
        assertAnswer(
                mint(DemoSeed.GLOBEX_USER_ID + "/token?type=zak", f.acmeToken()),
                404,
                "{\"code\":1001,\"message\":\"User does not exist: " + DemoSeed.GLOBEX_USER_ID + ".\"}");
    }

    @Test
    void token_badBearer_is124() {
        assertAnswer(
                mint(DemoSeed.HOST_USER_ID + "/token?type=zak", "forged"),
                401,
                "{\"code\":124,\"message\":\"Invalid access token.\"}");
    }

    @Test
    void token_appWithoutScope_is4711() {
        f.http.postJson(
                "/emulator/admin/seed",
                "{\"accounts\":[{\"id\":\"acme-account\",\"name\":\"Acme\",\"plan\":\"pro\",\"s2s_apps\":"
                        + "[{\"client_id\":\"narrow\",\"client_secret\":\"narrow-secret\",\"scopes\":[\"user:read:user:admin\"]}]}]}");
        String narrow = f.s2sToken("narrow", "narrow-secret", DemoSeed.ACME_ACCOUNT_ID);

        assertAnswer(
                mint(DemoSeed.HOST_USER_ID + "/token?type=zak", narrow),
                400,
                "{\"code\":4711,\"message\":\"Invalid access token, does not contain scopes:[user:read:zak:admin,user:read:token:admin].\"}");
        assertThat(f.http.get("/v2/users/" + DemoSeed.HOST_USER_ID, "Authorization", "Bearer " + narrow)
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void onbehalf_withS2sToken_is4711() {
        assertAnswer(
                mint(DemoSeed.HOST_USER_ID + "/token?type=onbehalf&meeting_id=" + DemoSeed.ACME_MEETING, f.acmeToken()),
                400,
                "{\"code\":4711,\"message\":\"Invalid access token, does not contain scopes:[user:read:token].\"}");
    }

    @Test
    void onbehalf_withUserToken_needsAnExistingMeeting() {
        String user = f.authorize(DemoSeed.HOST_USER_ID).accessToken();

        assertThat(mint("me/token?type=onbehalf&meeting_id=" + DemoSeed.ACME_MEETING, user)
                        .statusCode())
                .isEqualTo(200);
        assertAnswer(
                mint("me/token?type=onbehalf", user),
                400,
                "{\"code\":300,\"message\":\"Validation Failed.\",\"errors\":[{\"field\":\"meeting_id\","
                        + "\"message\":\"meeting_id is required for type onbehalf.\"}]}");
        assertAnswer(
                mint("me/token?type=onbehalf&meeting_id=11111111111", user),
                404,
                "{\"code\":3001,\"message\":\"Meeting does not exist: 11111111111.\"}");
    }

    @Test
    void onbehalf_forAnotherUserThanTheAuthorizer_isNoPermission() {
        String host = f.authorize(DemoSeed.HOST_USER_ID).accessToken();

        assertAnswer(
                mint(DemoSeed.NOTETAKER_USER_ID + "/token?type=onbehalf&meeting_id=" + DemoSeed.ACME_MEETING, host),
                400,
                "{\"code\":200,\"message\":\"No permission.\"}");
        assertThat(mint(DemoSeed.HOST_EMAIL + "/token?type=onbehalf&meeting_id=" + DemoSeed.ACME_MEETING, host)
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void onbehalf_withAccessTokenOfARefresh_mintsForTheSameUser() {
        Fixture.UserGrant grant = f.authorize(DemoSeed.NOTETAKER_USER_ID);
        HttpResponse<String> refreshed = f.http.postForm(
                "/oauth/token",
                "grant_type=refresh_token&refresh_token=" + grant.refreshToken(),
                "Authorization",
                dev.signet.emulator.TestHttp.basic(DemoSeed.ACME_OAUTH_CLIENT_ID, DemoSeed.ACME_OAUTH_CLIENT_SECRET));
        String access = json(refreshed).get("access_token").asText();

        HttpResponse<String> r = mint("me/token?type=onbehalf&meeting_id=" + DemoSeed.ACME_MEETING, access);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r).get("token").asText()).isNotEqualTo(access).isNotBlank();
    }

    @Test
    void userToken_forAnotherUser_isNoPermission() {
        String user = f.authorize(DemoSeed.HOST_USER_ID).accessToken();

        assertAnswer(
                mint(DemoSeed.NOTETAKER_USER_ID + "/token?type=zak", user),
                400,
                "{\"code\":200,\"message\":\"No permission.\"}");
    }

    @Test
    void zak_afterSignOut_isRevoked() {
        String zak = f.zak(DemoSeed.NOTETAKER_USER_ID);
        f.startAsHost(DemoSeed.ACME_MEETING);

        HttpResponse<String> signOut =
                f.http.postJson("/emulator/admin/users/" + DemoSeed.NOTETAKER_USER_ID + "/sign-out", "");
        assertAnswer(signOut, 200, "{\"user_id\":\"u-acme-notetaker\",\"revoked_zaks\":1}");

        HttpResponse<String> join = f.join(
                DemoSeed.ACME_MEETING,
                "signature",
                f.acmeSignature(DemoSeed.ACME_MEETING, 0),
                "display_name",
                "Bot",
                "passcode",
                DemoSeed.ACME_MEETING_PASSCODE,
                "zak",
                zak);
        assertAnswer(join, 403, "{\"error_code\":3265,\"reason\":\"Invalid ZAK token.\"}");
        // a ZAK minted after the sign-out works again
        HttpResponse<String> again = f.join(
                DemoSeed.ACME_MEETING,
                "signature",
                f.acmeSignature(DemoSeed.ACME_MEETING, 0),
                "display_name",
                "Bot",
                "passcode",
                DemoSeed.ACME_MEETING_PASSCODE,
                "zak",
                f.zak(DemoSeed.NOTETAKER_USER_ID));
        assertThat(again.statusCode()).isEqualTo(200);
    }

    @Test
    void zak_afterItsTtl_isExpired() {
        HttpResponse<String> r = mint(DemoSeed.NOTETAKER_USER_ID + "/token?type=zak&ttl=60", f.acmeToken());
        String zak = json(r).get("token").asText();
        f.startAsHost(DemoSeed.ACME_MEETING);
        f.clock.advance(java.time.Duration.ofSeconds(60));

        HttpResponse<String> join = f.join(
                DemoSeed.ACME_MEETING,
                "signature",
                f.acmeSignature(DemoSeed.ACME_MEETING, 0),
                "display_name",
                "Bot",
                "passcode",
                DemoSeed.ACME_MEETING_PASSCODE,
                "zak",
                zak);
        assertAnswer(join, 403, "{\"error_code\":3265,\"reason\":\"Invalid ZAK token.\"}");
    }
}
