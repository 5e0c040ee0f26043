package dev.signet.emulator.ratelimit;

import static dev.signet.emulator.Fixture.assertAnswer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.emulator.Fixture;
import dev.signet.emulator.seed.DemoSeed;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class RateLimitContractTest {
    private final Fixture f = Fixture.demo();

    @AfterEach
    void close() {
        f.close();
    }

    private String globexToken() {
        return f.s2sToken(DemoSeed.GLOBEX_S2S_CLIENT_ID, DemoSeed.GLOBEX_S2S_CLIENT_SECRET, DemoSeed.GLOBEX_ACCOUNT_ID);
    }

    private HttpResponse<String> zak(String token) {
        return f.http.get(
                "/v2/users/" + DemoSeed.GLOBEX_USER_ID + "/token?type=zak", "Authorization", "Bearer " + token);
    }

    @Test
    void freeAccount_fifthLightCallInOneSecond_is429WithZoomHeaders() {
        String token = globexToken();
        for (int i = 0; i < 4; i++) {
            assertThat(zak(token).statusCode()).isEqualTo(200);
        }

        HttpResponse<String> r = zak(token);

        assertAnswer(
                r,
                429,
                "{\"code\":429,\"message\":\"You have reached the maximum per-second rate limit for this API. Try again later.\"}");
        assertThat(r.headers().firstValue("X-RateLimit-Category")).hasValue("Light");
        assertThat(r.headers().firstValue("X-RateLimit-Type")).hasValue("QPS");
        assertThat(r.headers().firstValue("X-RateLimit-Limit")).hasValue("4");
        assertThat(r.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
        assertThat(r.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(r.headers().firstValue("x-zm-trackingid")).isPresent();

        f.clock.advance(Duration.ofSeconds(1));
        assertThat(zak(token).statusCode()).isEqualTo(200);
    }

    @Test
    void limitsArePerAccount() {
        String globex = globexToken();
        for (int i = 0; i < 4; i++) {
            zak(globex);
        }
        assertThat(zak(globex).statusCode()).isEqualTo(429);

        assertThat(f.http.get(
                                "/v2/users/" + DemoSeed.HOST_USER_ID + "/token?type=zak",
                                "Authorization",
                                "Bearer " + f.acmeToken())
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void proAccount_allows30LightCallsPerSecond() {
        String token = f.acmeToken();
        for (int i = 0; i < 30; i++) {
            assertThat(f.http.get("/v2/users/" + DemoSeed.HOST_USER_ID, "Authorization", "Bearer " + token)
                            .statusCode())
                    .isEqualTo(200);
        }
        HttpResponse<String> r = f.http.get("/v2/users/" + DemoSeed.HOST_USER_ID, "Authorization", "Bearer " + token);
        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(r.headers().firstValue("X-RateLimit-Limit")).hasValue("30");
    }

    @Test
    void planChange_appliesImmediately() {
        HttpResponse<String> change = f.http.method(
                "PUT", "/emulator/admin/accounts/" + DemoSeed.GLOBEX_ACCOUNT_ID + "/plan", "{\"plan\":\"business\"}");
        assertAnswer(change, 200, "{\"account_id\":\"globex-account\",\"plan\":\"business\"}");
        String token = globexToken();

        for (int i = 0; i < 80; i++) {
            assertThat(zak(token).statusCode()).isEqualTo(200);
        }
        assertThat(zak(token).headers().firstValue("X-RateLimit-Limit")).hasValue("80");
    }

    @Test
    void mediumCategory_createMeeting_freeAllowsTwoPerSecond() {
        String token = globexToken();
        String path = "/v2/users/" + DemoSeed.GLOBEX_USER_ID + "/meetings";
        assertThat(f.http.postJson(path, "{}", "Authorization", "Bearer " + token)
                        .statusCode())
                .isEqualTo(201);
        assertThat(f.http.postJson(path, "{}", "Authorization", "Bearer " + token)
                        .statusCode())
                .isEqualTo(201);

        HttpResponse<String> r = f.http.postJson(path, "{}", "Authorization", "Bearer " + token);

        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(r.headers().firstValue("X-RateLimit-Category")).hasValue("Medium");
        assertThat(r.headers().firstValue("X-RateLimit-Limit")).hasValue("2");
    }
}
