package dev.signet.platform.driver.websdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class JoinPageServerTest {
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void page_loadsVendorScriptsThenTheClientView_fromTheBaseUrl_andCarriesNoCredential() throws Exception {
        SdkSource sdk = new SdkSource.BaseUrl(URI.create("http://127.0.0.1:9/sdk/6.2.0/"), "6.2.0");
        try (JoinPageServer server = new JoinPageServer(sdk, false)) {
            URI page = server.pageUrl();
            HttpResponse<String> response = get(page);

            assertThat(page.getHost()).isEqualTo("127.0.0.1");
            assertThat(page.getQuery()).isNull();
            assertThat(response.statusCode()).isEqualTo(200);
            String html = response.body();
            assertThat(html)
                    .containsSubsequence(
                            "src=\"/websdk/bridge.js\"",
                            "src=\"http://127.0.0.1:9/sdk/6.2.0/lib/vendor/react.min.js\"",
                            "src=\"http://127.0.0.1:9/sdk/6.2.0/lib/vendor/react-dom.min.js\"",
                            "src=\"http://127.0.0.1:9/sdk/6.2.0/lib/vendor/lodash.min.js\"",
                            "src=\"http://127.0.0.1:9/sdk/6.2.0/zoom-meeting-6.2.0.min.js\"")
                    .contains("\"libUrl\":\"http://127.0.0.1:9/sdk/6.2.0/lib\"")
                    .doesNotContain("__SIGNET_")
                    .doesNotContainIgnoringCase("signature\":")
                    .doesNotContainIgnoringCase("zak\":");
            assertThat(response.headers().firstValue("Cross-Origin-Opener-Policy"))
                    .isEmpty();
            assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        }
    }

    @Test
    void bridgeAndLeavePage_areServed() throws Exception {
        try (JoinPageServer server = new JoinPageServer(new SdkSource.ZoomCdn("6.2.0"), false)) {
            HttpResponse<String> bridge = get(server.pageUrl().resolve("/websdk/bridge.js"));
            assertThat(bridge.statusCode()).isEqualTo(200);
            assertThat(bridge.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(v -> assertThat(v).startsWith("application/javascript"));
            assertThat(bridge.body()).contains("global.signetBridge");
            assertThat(get(server.pageUrl().resolve("/websdk/leave.html")).statusCode())
                    .isEqualTo(200);
            assertThat(get(server.pageUrl()).body())
                    .contains("src=\"https://source.zoom.us/zoom-meeting-6.2.0.min.js\"");
        }
    }

    @Test
    void crossOriginIsolation_whenOn_addsCoopAndCoepToEveryResponse() throws Exception {
        try (JoinPageServer server = new JoinPageServer(new SdkSource.ZoomCdn("6.2.0"), true)) {
            for (String path : new String[] {"/websdk/join.html", "/websdk/bridge.js"}) {
                HttpResponse<String> response = get(server.pageUrl().resolve(path));
                assertThat(response.headers().firstValue("Cross-Origin-Opener-Policy"))
                        .hasValue("same-origin");
                assertThat(response.headers().firstValue("Cross-Origin-Embedder-Policy"))
                        .hasValue("require-corp");
            }
        }
    }

    @Test
    void localAssets_areServedFromTheDistFolder_withTypes_andNothingOutsideIt(@TempDir Path dir) throws Exception {
        Path dist = Files.createDirectories(dir.resolve("dist"));
        Files.writeString(dist.resolve("zoom-meeting-6.2.0.min.js"), "window.ZoomMtg = {};", StandardCharsets.UTF_8);
        Files.createDirectories(dist.resolve("lib/av"));
        Files.write(dist.resolve("lib/av/a.wasm"), new byte[] {0, 'a', 's', 'm'});
        Files.writeString(dir.resolve("secret.txt"), "outside", StandardCharsets.UTF_8);
        SdkSource.LocalAssets sdk = new SdkSource.LocalAssets(dist, "6.2.0");
        assertThat(sdk.present()).isTrue();

        try (JoinPageServer server = new JoinPageServer(sdk, false)) {
            HttpResponse<String> script = get(server.pageUrl().resolve("/websdk/sdk/zoom-meeting-6.2.0.min.js"));
            assertThat(script.statusCode()).isEqualTo(200);
            assertThat(script.body()).isEqualTo("window.ZoomMtg = {};");
            HttpResponse<String> wasm = get(server.pageUrl().resolve("/websdk/sdk/lib/av/a.wasm"));
            assertThat(wasm.headers().firstValue("Content-Type")).hasValue("application/wasm");

            assertThat(get(server.pageUrl().resolve("/websdk/sdk/lib/av/missing.js"))
                            .statusCode())
                    .isEqualTo(404);
            assertThat(get(URI.create(server.pageUrl().resolve("/").toString() + "websdk/sdk/%2e%2e/secret.txt"))
                            .statusCode())
                    .isEqualTo(404);
            assertThat(get(server.pageUrl()).body()).contains("src=\"/websdk/sdk/zoom-meeting-6.2.0.min.js\"");
        }
    }

    @Test
    void assetsPath_withoutLocalAssets_answers404() throws Exception {
        try (JoinPageServer server = new JoinPageServer(new SdkSource.ZoomCdn("6.2.0"), false)) {
            assertThat(get(server.pageUrl().resolve("/websdk/sdk/zoom-meeting-6.2.0.min.js"))
                            .statusCode())
                    .isEqualTo(404);
        }
    }
}
