package dev.signet.emulator.users;

import static dev.signet.emulator.Fixture.assertAnswer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.emulator.Fixture;
import dev.signet.emulator.seed.DemoSeed;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class UserContractTest {
    private final Fixture f = Fixture.demo();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void user_byIdOrEmail_answersZoomFields() {
        String token = f.acmeToken();
        String expected = "{\"id\":\"u-acme-notetaker\",\"first_name\":\"Acme\",\"last_name\":\"Notetaker\","
                + "\"display_name\":\"Acme Notetaker\",\"email\":\"notetaker@acme.example\",\"type\":2,"
                + "\"role_name\":\"Member\",\"timezone\":\"UTC\",\"verified\":1,\"pic_url\":\""
                + f.emulator.baseUrl() + "/emulator/avatars/u-acme-notetaker.svg\",\"language\":\"en-US\","
                + "\"status\":\"active\",\"account_id\":\"acme-account\"}";

        assertAnswer(
                f.http.get("/v2/users/" + DemoSeed.NOTETAKER_USER_ID, "Authorization", "Bearer " + token),
                200,
                expected);
        assertAnswer(
                f.http.get("/v2/users/" + DemoSeed.NOTETAKER_EMAIL, "Authorization", "Bearer " + token), 200, expected);
    }

    @Test
    void me_withUserLevelToken_isTheAuthorizingUser() {
        String user = f.authorize(DemoSeed.HOST_USER_ID).accessToken();

        HttpResponse<String> r = f.http.get("/v2/users/me", "Authorization", "Bearer " + user);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(Fixture.json(r).get("email").asText()).isEqualTo(DemoSeed.HOST_EMAIL);
    }

    @Test
    void me_withS2sToken_is1001() {
        assertAnswer(
                f.http.get("/v2/users/me", "Authorization", "Bearer " + f.acmeToken()),
                404,
                "{\"code\":1001,\"message\":\"User does not exist: me.\"}");
    }

    @Test
    void user_deletedByAdmin_is1001() {
        String token = f.acmeToken();
        assertThat(f.http.method("DELETE", "/emulator/admin/users/" + DemoSeed.NOTETAKER_USER_ID, "")
                        .statusCode())
                .isEqualTo(204);

        assertAnswer(
                f.http.get("/v2/users/" + DemoSeed.NOTETAKER_USER_ID, "Authorization", "Bearer " + token),
                404,
                "{\"code\":1001,\"message\":\"User does not exist: u-acme-notetaker.\"}");
    }

    @Test
    void avatar_isGeneratedSvgServedCrossOrigin() {
        HttpResponse<String> r = f.http.get("/emulator/avatars/" + DemoSeed.NOTETAKER_USER_ID + ".svg");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("image/svg+xml"));
        assertThat(r.headers().firstValue("Cross-Origin-Resource-Policy")).hasValue("cross-origin");
        assertThat(r.body()).startsWith("<svg").contains(">AN</text>");
        assertThat(f.http.get("/emulator/avatars/nobody.svg").statusCode()).isEqualTo(404);
    }
}
