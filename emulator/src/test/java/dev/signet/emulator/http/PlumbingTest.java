package dev.signet.emulator.http;

import static dev.signet.emulator.Fixture.assertAnswer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.emulator.Fixture;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class PlumbingTest {
    private final Fixture f = Fixture.demo();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void preflight_answers204WithCors() {
        HttpResponse<String> r = f.http.send(f.http.request("/emulator/meetings/81234567890/join")
                .header("Origin", "http://127.0.0.1:8080")
                .header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));

        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(r.headers().firstValue("Access-Control-Allow-Methods"))
                .hasValueSatisfying(v -> assertThat(v).contains("POST"));
        assertThat(r.headers().firstValue("Access-Control-Allow-Headers"))
                .hasValueSatisfying(v -> assertThat(v).contains("Content-Type"));
        assertThat(r.headers().firstValue("Cross-Origin-Resource-Policy")).hasValue("cross-origin");
    }

    @Test
    void unknownPaths_are404Json_withTrackingId() {
        HttpResponse<String> api = f.http.get("/v2/nothing");
        assertAnswer(api, 404, "{\"code\":404,\"message\":\"Not Found\"}");
        assertThat(api.headers().firstValue("x-zm-trackingid")).isPresent();

        assertAnswer(f.http.get("/nothing"), 404, "{\"error_code\":404,\"reason\":\"path /nothing not found\"}");
    }

    @Test
    void trackingIds_differPerResponse() {
        String a =
                f.http.get("/nothing").headers().firstValue("x-zm-trackingid").orElseThrow();
        String b =
                f.http.get("/nothing").headers().firstValue("x-zm-trackingid").orElseThrow();

        assertThat(a).isNotEqualTo(b);
    }
}
