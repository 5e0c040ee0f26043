package dev.signet.emulator.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class SdkRoutesTest {
    private static Javalin server;
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        SdkRoutes sdk = new SdkRoutes();
        server = Javalin.create(config -> sdk.register(config.routes)).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        URI uri = URI.create("http://127.0.0.1:" + server.port() + path);
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void clientView_atDistLayout_servesZoomMtgForTheVersion() throws Exception {
        HttpResponse<String> response = get("/sdk/6.2.0/zoom-meeting-6.2.0.min.js");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/javascript"));
        assertThat(response.headers().firstValue("Cross-Origin-Resource-Policy"))
                .hasValue("cross-origin");
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(response.body())
                .contains("global.ZoomMtg = ZoomMtg")
                .contains("var VERSION = '6.2.0'")
                .contains("var FAULT = 'none'")
                .doesNotContain("__SIGNET_");
    }

    @Test
    void vendorScripts_servedAsEmptyStandIns() throws Exception {
        for (String name : new String[] {"react", "react-dom", "redux", "redux-thunk", "lodash"}) {
            HttpResponse<String> response = get("/sdk/6.2.0/lib/vendor/" + name + ".min.js");
            assertThat(response.statusCode()).as(name).isEqualTo(200);
            assertThat(response.body()).contains("stand-in");
        }
    }

    @Test
    void neverAnswersFault_servesTheFaultySdk() throws Exception {
        HttpResponse<String> response = get("/sdk-fault/never-answers/6.2.0/zoom-meeting-6.2.0.min.js");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("var FAULT = 'never-answers'");
    }

    @Test
    void unknownFiles_faultsAndVersionMismatch_answer404() throws Exception {
        assertThat(get("/sdk/6.2.0/zoom-meeting-6.1.0.min.js").statusCode()).isEqualTo(404);
        assertThat(get("/sdk/6.2.0/lib/vendor/jquery.min.js").statusCode()).isEqualTo(404);
        assertThat(get("/sdk/6.2.0/lib/av/x.wasm").statusCode()).isEqualTo(404);
        assertThat(get("/sdk-fault/explode/6.2.0/zoom-meeting-6.2.0.min.js").statusCode())
                .isEqualTo(404);
    }
}
