package dev.signet.platform.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.platform.TestDatabase;
import dev.signet.testkit.MutableClock;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard over plain HTTP, no browser: CSRF, cookies, headers, escaping, secrets, rate limit, sessions. */
@Timeout(60)
class DashboardHttpTest {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at(Instant.parse("2026-12-01T10:00:00Z"));
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private @Nullable DashboardHarness harness;

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    private DashboardHarness start(DashboardSettings settings) {
        harness = new DashboardHarness(TestDatabase.h2(dir).jdbcUrl(), clock, settings);
        return harness;
    }

    private DashboardHarness start() {
        return start(DashboardSettings.DEFAULTS);
    }

    /** A browser-like cookie jar over java.net.http. */
    private final class Browser {
        final Map<String, String> cookies = new LinkedHashMap<>();
        final List<String> setCookies = new java.util.ArrayList<>();
        final URI base;

        Browser(DashboardHarness h) {
            this.base = h.baseUrl();
        }

        HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(base.resolve(path)).GET(), headers);
        }

        HttpResponse<String> post(String path, Map<String, String> form, String... headers)
                throws IOException, InterruptedException {
            StringBuilder body = new StringBuilder();
            form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&")
                    .append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
            return send(
                    HttpRequest.newBuilder(base.resolve(path))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body.toString())),
                    headers);
        }

        private HttpResponse<String> send(HttpRequest.Builder request, String... headers)
                throws IOException, InterruptedException {
            if (!cookies.isEmpty()) {
                StringBuilder cookie = new StringBuilder();
                cookies.forEach((k, v) -> cookie.append(cookie.isEmpty() ? "" : "; ")
                        .append(k)
                        .append('=')
                        .append(v));
                request.header("Cookie", cookie.toString());
            }
            for (int i = 0; i + 1 < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (String set : response.headers().allValues("Set-Cookie")) {
                setCookies.add(set);
                String pair = set.split(";", -1)[0];
                int eq = pair.indexOf('=');
                String name = pair.substring(0, eq);
                String value = pair.substring(eq + 1);
                if (value.isEmpty()) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            return response;
        }

        String signIn() throws IOException, InterruptedException {
            HttpResponse<String> form = get("/sign-in");
            HttpResponse<String> done =
                    post("/sign-in", Map.of("csrf", csrf(form.body()), "api_key", DashboardHarness.KEY));
            assertThat(done.statusCode()).isEqualTo(303);
            return csrf(get("/bots").body());
        }
    }

    private static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("a csrf field in the page").isTrue();
        return m.group(1);
    }

    private static String createBot(DashboardHarness h, String body) throws IOException, InterruptedException {
        HttpResponse<String> created = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(h.baseUrl().resolve("/api/v1/bot/"))
                                .header("Authorization", "Token " + DashboardHarness.KEY)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Matcher m = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(created.body());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @Test
    void pages_carryStrictSecurityHeaders() throws Exception {
        Browser b = new Browser(start());
        HttpResponse<String> page = b.get("/sign-in");
        assertThat(page.statusCode()).isEqualTo(200);
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp)
                .contains("frame-ancestors 'none'")
                .contains("script-src 'self'")
                .contains("default-src 'none'")
                .doesNotContain("unsafe-inline");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.body()).doesNotContain("<script>").contains("src=\"/assets/dashboard.js\"");
        assertThat(b.get("/assets/dashboard.js").statusCode()).isEqualTo(200);
        assertThat(b.get("/").statusCode()).isEqualTo(303);
    }

    @Test
    void signIn_withoutCsrf_is403_andSetsNoSession() throws Exception {
        Browser b = new Browser(start());
        b.get("/sign-in");
        HttpResponse<String> response = b.post("/sign-in", Map.of("api_key", DashboardHarness.KEY));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(b.cookies).doesNotContainKey(Sessions.COOKIE);
        HttpResponse<String> wrong = b.post("/sign-in", Map.of("csrf", "forged", "api_key", DashboardHarness.KEY));
        assertThat(wrong.statusCode()).isEqualTo(403);
    }

    @Test
    void signIn_setsHttpOnlyStrictCookie_andStoresOnlyAHash() throws Exception {
        DashboardHarness h = start();
        Browser b = new Browser(h);
        b.signIn();
        String session = b.cookies.get(Sessions.COOKIE);
        assertThat(session).isNotBlank();
        String set = b.setCookies.stream()
                .filter(c -> c.startsWith(Sessions.COOKIE + "=") && !c.startsWith(Sessions.COOKIE + "=;"))
                .findFirst()
                .orElseThrow();
        assertThat(set).contains("HttpOnly").contains("SameSite=Strict").doesNotContain("Secure");
        List<String> stored = h.jdbi()
                .withHandle(x -> x.createQuery("SELECT id_hash FROM dashboard_sessions")
                        .mapTo(String.class)
                        .list());
        assertThat(stored).hasSize(1);
        assertThat(stored.getFirst()).hasSize(64).isNotEqualTo(session).doesNotContain(session);
    }

    @Test
    void signIn_wrongKey_is401_andRateLimited() throws Exception {
        Browser b = new Browser(start(DashboardSettings.DEFAULTS.withSignInLimit(3, Duration.ofMinutes(1))));
        String csrf = csrf(b.get("/sign-in").body());
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> r = b.post("/sign-in", Map.of("csrf", csrf, "api_key", "wrong-" + i));
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(r.body()).contains("not one of this platform").doesNotContain("wrong-" + i);
        }
        HttpResponse<String> limited = b.post("/sign-in", Map.of("csrf", csrf, "api_key", DashboardHarness.KEY));
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        clock.advance(Duration.ofMinutes(1));
        assertThat(b.post("/sign-in", Map.of("csrf", csrf, "api_key", DashboardHarness.KEY))
                        .statusCode())
                .isEqualTo(303);
    }

    @Test
    void secureCookie_followsForwardedProtoOnlyWhenTrusted() throws Exception {
        DashboardHarness first = start();
        Browser untrusted = new Browser(first);
        untrusted.get("/sign-in", "X-Forwarded-Proto", "https");
        assertThat(untrusted.setCookies)
                .isNotEmpty()
                .allSatisfy(c -> assertThat(c).doesNotContain("Secure"));
        first.close();
        harness = null;
        Browser trusted = new Browser(start(DashboardSettings.DEFAULTS.withTrustForwardedProto(true)));
        trusted.get("/sign-in", "X-Forwarded-Proto", "https");
        assertThat(trusted.setCookies)
                .isNotEmpty()
                .allSatisfy(c -> assertThat(c).contains("; Secure"));
    }

    @Test
    void post_withoutCsrf_is403_andChangesNothing() throws Exception {
        DashboardHarness h = start();
        Browser b = new Browser(h);
        b.signIn();
        HttpResponse<String> create =
                b.post("/bots/new", Map.of("meeting_url", "https://zoom.us/j/85746065432", "bot_name", "x"));
        assertThat(create.statusCode()).isEqualTo(403);
        String id = createBot(h, "{\"meeting_url\":\"https://zoom.us/j/85746065432\"}");
        assertThat(b.post("/bots/" + id + "/delete", Map.of()).statusCode()).isEqualTo(403);
        assertThat(b.post("/sign-out", Map.of("csrf", "nope")).statusCode()).isEqualTo(403);
        assertThat(b.get("/bots/" + id).statusCode()).isEqualTo(200);
    }

    @Test
    void userInput_isEscapedEverywhere() throws Exception {
        DashboardHarness h = start();
        Browser b = new Browser(h);
        b.signIn();
        String id = createBot(
                h,
                "{\"meeting_url\":\"https://zoom.us/j/85746065432\",\"bot_name\":\"<script>alert(1)</script>\","
                        + "\"metadata\":{\"<b>k</b>\":\"\\\"><img src=x onerror=alert(2)>\"}}");
        for (String path : List.of("/bots", "/bots/" + id)) {
            String page = b.get(path).body();
            assertThat(page)
                    .as(path)
                    .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                    .doesNotContain("<script>alert")
                    .doesNotContain("<img src=x")
                    .doesNotContain("<b>k</b>");
        }
    }

    @Test
    void tokenUrls_neverReachAPage() throws Exception {
        DashboardHarness h = start();
        Browser b = new Browser(h);
        String csrf = b.signIn();
        String id = createBot(
                h,
                "{\"meeting_url\":\"https://zoom.us/j/85746065432\","
                        + "\"zoom\":{\"zak_url\":\"http://127.0.0.1:9/zak?token=zak-secret-1\"}}");
        assertThat(b.get("/bots/" + id).body()).contains("127.0.0.1:9/zak").doesNotContain("zak-secret-1");
        HttpResponse<String> bad = b.post(
                "/bots/new",
                Map.of(
                        "csrf", csrf,
                        "meeting_url", "https://example.com/not-zoom",
                        "bot_name", "kept name",
                        "obf_token_url", "http://127.0.0.1:9/obf?token=obf-secret-2"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body())
                .contains("kept name")
                .contains("type them again")
                .doesNotContain("obf-secret-2")
                .doesNotContain("127.0.0.1:9/obf");
    }

    @Test
    void session_expires_andSignOutEndsIt() throws Exception {
        DashboardHarness h = start(DashboardSettings.DEFAULTS.withSessionLifetime(Duration.ofMinutes(30)));
        Browser b = new Browser(h);
        b.signIn();
        assertThat(b.get("/bots").statusCode()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(31));
        HttpResponse<String> expired = b.get("/bots");
        assertThat(expired.statusCode()).isEqualTo(303);
        assertThat(expired.headers().firstValue("Location")).hasValue("/sign-in?notice=expired");

        String csrf = b.signIn();
        String cookie = b.cookies.get(Sessions.COOKIE);
        assertThat(b.post("/sign-out", Map.of("csrf", csrf)).statusCode()).isEqualTo(303);
        b.cookies.put(Sessions.COOKIE, String.valueOf(cookie)); // a copy of the cookie made before signing out
        assertThat(b.get("/bots").statusCode()).isEqualTo(303);
    }

    @Test
    void session_doesNotOpenTheApi() throws Exception {
        DashboardHarness h = start();
        Browser b = new Browser(h);
        b.signIn();
        assertThat(b.get("/api/v1/bot/").statusCode()).isEqualTo(401);
    }
}
