package dev.signet.emulator.meetings;

import static dev.signet.emulator.Fixture.assertAnswer;
import static dev.signet.emulator.Fixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signet.emulator.Fixture;
import dev.signet.emulator.seed.DemoSeed;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class MeetingsContractTest {
    private final Fixture f = Fixture.demo();
    private final String token = f.acmeToken();

    @AfterEach
    void close() {
        f.close();
    }

    private HttpResponse<String> create(String body) {
        return f.http.postJson(
                "/v2/users/" + DemoSeed.HOST_EMAIL + "/meetings", body, "Authorization", "Bearer " + token);
    }

    @Test
    void create_answers201WithZoomMeetingObject() {
        HttpResponse<String> r = create("{\"topic\":\"Standup\",\"type\":2,\"start_time\":\"2026-03-02T10:00:00Z\","
                + "\"duration\":30,\"password\":\"s3cret\",\"settings\":{\"waiting_room\":true,"
                + "\"meeting_authentication\":true,\"authentication_domains\":\"acme.example, example.org\"}}");

        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode m = json(r);
        assertThat(m.fieldNames()).toIterable().startsWith("uuid", "id", "host_id", "host_email", "topic", "type");
        assertThat(m.get("id").asLong()).isBetween(10_000_000_000L, 99_999_999_999L);
        assertThat(m.get("host_id").asText()).isEqualTo(DemoSeed.HOST_USER_ID);
        assertThat(m.get("host_email").asText()).isEqualTo(DemoSeed.HOST_EMAIL);
        assertThat(m.get("topic").asText()).isEqualTo("Standup");
        assertThat(m.get("status").asText()).isEqualTo("waiting");
        assertThat(m.get("start_time").asText()).isEqualTo("2026-03-02T10:00:00Z");
        assertThat(m.get("duration").asInt()).isEqualTo(30);
        assertThat(m.get("created_at").asText()).isEqualTo("2026-03-02T09:00:00Z");
        assertThat(m.get("password").asText()).isEqualTo("s3cret");
        String pwd = m.get("encrypted_password").asText();
        assertThat(pwd).endsWith(".1").isNotEqualTo("s3cret");
        assertThat(m.get("join_url").asText())
                .isEqualTo("https://zoom.us/j/" + m.get("id").asLong() + "?pwd=" + pwd);
        assertThat(m.get("start_url").asText())
                .startsWith("https://zoom.us/s/" + m.get("id").asLong() + "?zak=");
        JsonNode s = m.get("settings");
        assertThat(s.get("waiting_room").asBoolean()).isTrue();
        assertThat(s.get("meeting_authentication").asBoolean()).isTrue();
        assertThat(s.get("join_before_host").asBoolean()).isFalse();
        assertThat(s.get("authentication_domains").asText()).isEqualTo("acme.example,example.org");
    }

    @Test
    void startUrlZak_startsTheMeetingAsHost() {
        JsonNode m = json(create("{\"topic\":\"Host test\"}"));
        long id = m.get("id").asLong();
        String startUrl = m.get("start_url").asText();
        String zak = java.net.URLDecoder.decode(
                startUrl.substring(startUrl.indexOf("zak=") + 4), java.nio.charset.StandardCharsets.UTF_8);

        HttpResponse<String> join =
                f.join(id, "signature", f.acmeSignature(id, 1), "display_name", "Host bot", "role", 1, "zak", zak);

        assertThat(join.statusCode()).as(join.body()).isEqualTo(200);
        assertThat(json(join).get("role").asText()).isEqualTo("host");
        assertThat(json(f.http.get("/v2/meetings/" + id, "Authorization", "Bearer " + token))
                        .get("status")
                        .asText())
                .isEqualTo("started");
    }

    @Test
    void create_invalidFields_areValidationErrors() {
        assertAnswer(
                create("{\"password\":\"far-too-long-password\"}"),
                400,
                "{\"code\":300,\"message\":\"Validation Failed.\",\"errors\":[{\"field\":\"password\",\"message\":"
                        + "\"Password can only contain [a-z A-Z 0-9 @ - _ *] and up to 10 characters.\"}]}");
        assertAnswer(
                create("{\"settings\":{\"waiting_room\":\"yes\"}}"),
                400,
                "{\"code\":300,\"message\":\"Validation Failed.\",\"errors\":[{\"field\":\"settings.waiting_room\",\"message\":\"Invalid field.\"}]}");
        assertAnswer(create("[1]"), 400, "{\"code\":300,\"message\":\"Request Body should be a valid JSON object.\"}");
        assertThat(create("{not json").statusCode()).isEqualTo(400);
    }

    @Test
    void create_forUserOfAnotherAccount_is1001() {
        HttpResponse<String> r = f.http.postJson(
                "/v2/users/" + DemoSeed.GLOBEX_USER_ID + "/meetings", "{}", "Authorization", "Bearer " + token);

        assertAnswer(r, 404, "{\"code\":1001,\"message\":\"User does not exist: u-gary-globex.\"}");
    }

    @Test
    void get_patch_delete_roundTrip() {
        long id = json(create("{\"topic\":\"Before\"}")).get("id").asLong();
        String path = "/v2/meetings/" + id;

        HttpResponse<String> patch = f.http.method(
                "PATCH",
                path,
                "{\"topic\":\"After\",\"password\":\"abc\",\"settings\":{\"join_before_host\":true}}",
                "Authorization",
                "Bearer " + token);
        assertThat(patch.statusCode()).isEqualTo(204);
        JsonNode got = json(f.http.get(path, "Authorization", "Bearer " + token));
        assertThat(got.get("topic").asText()).isEqualTo("After");
        assertThat(got.get("password").asText()).isEqualTo("abc");
        assertThat(got.get("settings").get("join_before_host").asBoolean()).isTrue();

        assertThat(f.http.method("DELETE", path, "", "Authorization", "Bearer " + token)
                        .statusCode())
                .isEqualTo(204);
        assertAnswer(
                f.http.get(path, "Authorization", "Bearer " + token),
                404,
                "{\"code\":3001,\"message\":\"Meeting does not exist: " + id + ".\"}");
    }

    @Test
    void get_meetingOfAnotherAccount_is3001() {
        assertAnswer(
                f.http.get("/v2/meetings/" + DemoSeed.GLOBEX_MEETING, "Authorization", "Bearer " + token),
                404,
                "{\"code\":3001,\"message\":\"Meeting does not exist: 89876543210.\"}");
    }

    @Test
    void status_end_endsTheMeetingForEveryone() {
        f.startAsHost(DemoSeed.ACME_MEETING);
        String path = "/v2/meetings/" + DemoSeed.ACME_MEETING + "/status";

        assertAnswer(
                f.http.method("PUT", path, "{\"action\":\"pause\"}", "Authorization", "Bearer " + token),
                400,
                "{\"code\":300,\"message\":\"Validation Failed.\",\"errors\":[{\"field\":\"action\",\"message\":\"Invalid field.\"}]}");
        assertThat(f.http.method("PUT", path, "{\"action\":\"end\"}", "Authorization", "Bearer " + token)
                        .statusCode())
                .isEqualTo(204);
        assertThat(json(f.http.get("/emulator/meetings/" + DemoSeed.ACME_MEETING))
                        .get("status")
                        .asText())
                .isEqualTo("ended");
    }

    @Test
    void everyResponse_hasTrackingIdAndCors() {
        HttpResponse<String> r =
                f.http.get("/v2/meetings/" + DemoSeed.ACME_MEETING, "Authorization", "Bearer " + token);

        assertThat(r.headers().firstValue("x-zm-trackingid"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("v=2.0;"));
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
    }
}
