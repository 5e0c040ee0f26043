package dev.signet.emulator.admin;

import static dev.signet.emulator.Fixture.assertAnswer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.emulator.Fixture;
import dev.signet.emulator.TestHttp;
import dev.signet.emulator.seed.DemoSeed;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class AdminApiTest {
    private final Fixture f = Fixture.demo();

    @AfterEach
    void close() {
        f.close();
    }

    private HttpResponse<String> zak(String token) {
        return f.http.get("/v2/users/" + DemoSeed.HOST_USER_ID + "/token?type=zak", "Authorization", "Bearer " + token);
    }

    @Test
    void fault_nextNCalls_failThenRecover() {
        String token = f.acmeToken();
        assertThat(f.http.postJson(
                                "/emulator/admin/faults",
                                "{\"endpoint\":\"GET /v2/users/{userId}/token\",\"count\":2,\"status\":503,"
                                        + "\"body\":\"{\\\"code\\\":503,\\\"message\\\":\\\"down\\\"}\"}")
                        .statusCode())
                .isEqualTo(204);

        assertAnswer(zak(token), 503, "{\"code\":503,\"message\":\"down\"}");
        assertAnswer(zak(token), 503, "{\"code\":503,\"message\":\"down\"}");
        assertThat(zak(token).statusCode()).isEqualTo(200);
    }

    @Test
    void fault_withHeaders_answersThemToo_likeA429WithRetryAfter() {
        String token = f.acmeToken();
        assertThat(f.http.postJson(
                                "/emulator/admin/faults",
                                "{\"endpoint\":\"GET /v2/users/{userId}/token\",\"status\":429,"
                                        + "\"headers\":{\"Retry-After\":\"1\",\"X-RateLimit-Type\":\"QPS\"}}")
                        .statusCode())
                .isEqualTo(204);

        HttpResponse<String> limited = zak(token);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(limited.headers().firstValue("X-RateLimit-Type")).hasValue("QPS");
        HttpResponse<String> next = zak(token);
        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(next.headers().firstValue("Retry-After")).isEmpty();
        assertAnswer(
                f.http.postJson("/emulator/admin/faults", "{\"endpoint\":\"*\",\"headers\":[\"Retry-After\"]}"),
                400,
                "{\"error_code\":1,\"reason\":\"headers must be an object of header names to values\"}");
    }

    @Test
    void fault_onTokenEndpoint_andClear() {
        f.http.postJson("/emulator/admin/faults", "{\"endpoint\":\"POST /oauth/token\",\"count\":5,\"status\":500}");
        HttpResponse<String> r = f.http.postForm(
                "/oauth/token",
                "grant_type=account_credentials&account_id=" + DemoSeed.ACME_ACCOUNT_ID,
                "Authorization",
                TestHttp.basic(DemoSeed.ACME_S2S_CLIENT_ID, DemoSeed.ACME_S2S_CLIENT_SECRET));
        assertAnswer(r, 500, "{\"code\":500,\"message\":\"Injected failure.\"}");

        assertThat(f.http.method("DELETE", "/emulator/admin/faults", "").statusCode())
                .isEqualTo(204);
        assertThat(f.acmeToken()).isNotBlank();
    }

    @Test
    void fault_onJoinEndpoint_answersTheScriptedFailure() {
        f.startAsHost(DemoSeed.ACME_MEETING);
        f.http.postJson(
                "/emulator/admin/faults",
                "{\"endpoint\":\"POST /emulator/meetings/{meetingNumber}/join\",\"status\":502,\"body\":\"bad gateway\","
                        + "\"content_type\":\"text/plain\"}");
        Object[] join = {
            "signature",
            f.acmeSignature(DemoSeed.ACME_MEETING, 0),
            "display_name",
            "Bot",
            "passcode",
            DemoSeed.ACME_MEETING_PASSCODE
        };

        HttpResponse<String> failed = f.join(DemoSeed.ACME_MEETING, join);
        assertThat(failed.statusCode()).isEqualTo(502);
        assertThat(failed.body()).isEqualTo("bad gateway");
        assertThat(failed.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
        assertThat(f.join(DemoSeed.ACME_MEETING, join).statusCode()).isEqualTo(200);
    }

    @Test
    void fault_badInput_is400() {
        assertAnswer(
                f.http.postJson("/emulator/admin/faults", "{\"count\":1}"),
                400,
                "{\"error_code\":1,\"reason\":\"endpoint is required\"}");
        assertAnswer(
                f.http.postJson("/emulator/admin/faults", "{\"endpoint\":\"*\",\"status\":42}"),
                400,
                "{\"error_code\":1,\"reason\":\"status must be an HTTP status (100..599)\"}");
    }

    @Test
    void latency_isAddedThroughThePause() {
        String token = f.acmeToken();
        f.http.method(
                "PUT", "/emulator/admin/latency", "{\"endpoint\":\"GET /v2/users/{userId}/token\",\"millis\":250}");

        assertThat(zak(token).statusCode()).isEqualTo(200);
        assertThat(f.pauses).containsExactly(Duration.ofMillis(250));

        f.http.method("PUT", "/emulator/admin/latency", "{\"endpoint\":\"GET /v2/users/{userId}/token\",\"millis\":0}");
        zak(token);
        assertThat(f.pauses).hasSize(1);
        assertAnswer(
                f.http.method("PUT", "/emulator/admin/latency", "{\"millis\":-1}"),
                400,
                "{\"error_code\":1,\"reason\":\"millis must be a number of milliseconds (0 removes the latency)\"}");
    }

    @Test
    void seed_addsDataAtRunTime_fromJsonAndYaml() {
        String json = "{\"accounts\":[{\"id\":\"initech\",\"name\":\"Initech\",\"plan\":\"business\","
                + "\"users\":[{\"id\":\"u-peter\",\"email\":\"peter@initech.example\",\"first_name\":\"Peter\","
                + "\"last_name\":\"Gibbons\"}],\"s2s_apps\":[{\"client_id\":\"ini\",\"client_secret\":\"ini-secret\"}]}]}";
        assertThat(f.http.postJson("/emulator/admin/seed", json).statusCode()).isEqualTo(204);
        String yaml = """
                accounts:
                  - id: initech
                    name: Initech
                    plan: business
                    meetings:
                      - id: 81555555555
                        host: peter@initech.example
                        topic: TPS reports
                """;
        HttpResponse<String> r = f.http.send(f.http.request("/emulator/admin/seed")
                .header("Content-Type", "application/yaml")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(yaml)));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(204);

        String token = f.s2sToken("ini", "ini-secret", "initech");
        assertThat(f.http.get("/v2/meetings/81555555555", "Authorization", "Bearer " + token)
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void seed_invalid_is400SayingWhy() {
        HttpResponse<String> r = f.http.postJson(
                "/emulator/admin/seed",
                "{\"accounts\":[{\"id\":\"x\",\"users\":[{\"id\":\"u\",\"email\":\"not-an-email\"}]}]}");

        assertAnswer(r, 400, "{\"error_code\":1,\"reason\":\"user email must look like name@domain\"}");
        assertThat(f.http.postJson("/emulator/admin/seed", "{\"acounts\":[]}").statusCode())
                .isEqualTo(400);
    }

    @Test
    void unknownTargets_are404() {
        assertAnswer(
                f.http.method("PUT", "/emulator/admin/accounts/nope/plan", "{\"plan\":\"pro\"}"),
                404,
                "{\"error_code\":404,\"reason\":\"account nope not found\"}");
        assertThat(f.http.method("DELETE", "/emulator/admin/users/nope", "").statusCode())
                .isEqualTo(404);
        assertThat(f.http.postJson("/emulator/admin/users/nope/sign-out", "").statusCode())
                .isEqualTo(404);
        assertAnswer(
                f.http.method("PUT", "/emulator/admin/accounts/acme-account/plan", "{\"plan\":\"gold\"}"),
                400,
                "{\"error_code\":1,\"reason\":\"plan must be free, pro or business, not 'gold'\"}");
    }
}
