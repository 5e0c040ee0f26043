package dev.signet.emulator.oauth;

import static dev.signet.emulator.Fixture.assertAnswer;
import static dev.signet.emulator.Fixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.emulator.Fixture;
import dev.signet.emulator.TestHttp;
import dev.signet.emulator.http.UrlText;
import dev.signet.emulator.seed.DemoSeed;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The authorize step as a browser drives it (GET the consent page, POST its form), with PKCE and expiry. */
@Timeout(30)
class PkceFlowTest {
    private static final String APP_BASIC =
            TestHttp.basic(DemoSeed.ACME_OAUTH_CLIENT_ID, DemoSeed.ACME_OAUTH_CLIENT_SECRET);
    private static final String REDIRECT = "http://127.0.0.1:9/callback";
    // A verifier and its S256 challenge, computed outside Java (Python's hashlib and base64.urlsafe_b64encode).
    private static final String VERIFIER = "dBjftJeZ4CVP-mJ0aXUcWOSnSBz5cXZjX5u4V9Ib6Ik";
    private static final String CHALLENGE = "84OwKIkY2UgXIrNBS7cC1m94Cu1ISzUZtPm_xyhnJRc";
    private static final Pattern HIDDEN =
            Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");

    private final Fixture f = Fixture.demo();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void s256Challenge_survivesTheConsentForm_andTheMatchingVerifierGetsTokens() {
        String code = approveThroughPage("&code_challenge=" + CHALLENGE + "&code_challenge_method=S256");

        HttpResponse<String> r = exchange(code, "&code_verifier=" + VERIFIER);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r).has("refresh_token")).isTrue();
    }

    @Test
    void consentPage_carriesStateAndPkceAsHiddenFields() {
        HttpResponse<String> page =
                f.http.get(authorizeQuery("&code_challenge=" + CHALLENGE + "&code_challenge_method=S256"));

        assertThat(hiddenFields(page.body()))
                .containsEntry("state", "a b&c")
                .containsEntry("code_challenge", CHALLENGE)
                .containsEntry("code_challenge_method", "S256");
        assertThat(page.body()).contains("name=\"decision\" value=\"approve\"", "name=\"user_id\"");
    }

    @Test
    void s256Challenge_wrongOrMissingVerifier_isInvalidGrant_andBurnsTheCode() {
        String wrong = approveThroughPage("&code_challenge=" + CHALLENGE + "&code_challenge_method=S256");
        assertAnswer(
                exchange(wrong, "&code_verifier=" + "x".repeat(43)),
                400,
                "{\"reason\":\"Invalid code verifier\",\"error\":\"invalid_grant\"}");
        assertAnswer(
                exchange(wrong, "&code_verifier=" + VERIFIER),
                400,
                "{\"reason\":\"Invalid authorization code\",\"error\":\"invalid_grant\"}");

        String missing = approveThroughPage("&code_challenge=" + CHALLENGE + "&code_challenge_method=S256");
        assertAnswer(exchange(missing, ""), 400, "{\"reason\":\"Invalid code verifier\",\"error\":\"invalid_grant\"}");
    }

    @Test
    void plainChallenge_isTheDefaultMethod_verifierMustEqualIt() {
        String code = approveThroughPage("&code_challenge=" + VERIFIER);
        assertAnswer(
                exchange(code, "&code_verifier=" + CHALLENGE),
                400,
                "{\"reason\":\"Invalid code verifier\",\"error\":\"invalid_grant\"}");

        String again = approveThroughPage("&code_challenge=" + VERIFIER + "&code_challenge_method=plain");
        assertThat(exchange(again, "&code_verifier=" + VERIFIER).statusCode()).isEqualTo(200);
    }

    @Test
    void authorize_badChallengeOrMethod_is400NamingTheField() {
        assertAnswer(
                f.http.get(authorizeQuery("&code_challenge=" + CHALLENGE + "&code_challenge_method=S512")),
                400,
                "{\"error_code\":1,\"reason\":\"code_challenge_method must be S256 or plain\"}");
        assertAnswer(
                f.http.get(authorizeQuery("&code_challenge=short")),
                400,
                "{\"error_code\":1,\"reason\":\"code_challenge must be 43 to 128 characters of [A-Za-z0-9._~-]\"}");
        assertAnswer(
                f.http.get(authorizeQuery("&code_challenge_method=S256")),
                400,
                "{\"error_code\":1,\"reason\":\"code_challenge_method needs a code_challenge\"}");
    }

    @Test
    void code_expiresAfterTenMinutes() {
        String fresh = approveThroughPage("");
        f.clock.advance(Duration.ofMinutes(10).minusSeconds(1));
        assertThat(exchange(fresh, "").statusCode()).isEqualTo(200);

        String stale = approveThroughPage("");
        f.clock.advance(Duration.ofMinutes(10));
        assertAnswer(
                exchange(stale, ""), 400, "{\"reason\":\"Invalid authorization code\",\"error\":\"invalid_grant\"}");
    }

    @Test
    void refreshToken_expiresAfter90Days() {
        String young = f.authorize(DemoSeed.HOST_USER_ID).refreshToken();
        f.clock.advance(Duration.ofDays(90).minusSeconds(1));
        assertThat(refresh(young).statusCode()).isEqualTo(200);

        String old = f.authorize(DemoSeed.NOTETAKER_USER_ID).refreshToken();
        f.clock.advance(Duration.ofDays(90));
        assertAnswer(refresh(old), 400, "{\"reason\":\"Invalid Token!\",\"error\":\"invalid_grant\"}");
    }

    @Test
    void refresh_everyRefreshRotates_eachOldTokenRefused() {
        String current = f.authorize(DemoSeed.HOST_USER_ID).refreshToken();
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> r = refresh(current);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            String next = json(r).get("refresh_token").asText();
            assertAnswer(refresh(current), 400, "{\"reason\":\"Invalid Token!\",\"error\":\"invalid_grant\"}");
            current = next;
        }
    }

    /** GETs the consent page, posts its form back as a browser would, approving as the host; answers the code. */
    private String approveThroughPage(String pkceQuery) {
        HttpResponse<String> page = f.http.get(authorizeQuery(pkceQuery));
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        Map<String, String> form = hiddenFields(page.body());
        form.put("user_id", DemoSeed.HOST_USER_ID);
        form.put("decision", "approve");
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + UrlText.encode(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpResponse<String> consent = f.http.postForm("/oauth/authorize", body);
        assertThat(consent.statusCode()).isEqualTo(302);
        String location = consent.headers().firstValue("Location").orElseThrow();
        assertThat(location).endsWith("&state=a%20b%26c");
        return location.substring(location.indexOf("code=") + 5, location.indexOf("&state="));
    }

    private static String authorizeQuery(String extra) {
        return "/oauth/authorize?response_type=code&client_id=" + DemoSeed.ACME_OAUTH_CLIENT_ID + "&redirect_uri="
                + REDIRECT + "&state=a%20b%26c" + extra;
    }

    private static Map<String, String> hiddenFields(String html) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher m = HIDDEN.matcher(html);
        while (m.find()) {
            fields.put(m.group(1), m.group(2).replace("&amp;", "&"));
        }
        return fields;
    }

    private HttpResponse<String> exchange(String code, String extra) {
        return f.http.postForm(
                "/oauth/token",
                "grant_type=authorization_code&code=" + code + "&redirect_uri=" + REDIRECT + extra,
                "Authorization",
                APP_BASIC);
    }

    private HttpResponse<String> refresh(String refreshToken) {
        return f.http.postForm(
                "/oauth/token", "grant_type=refresh_token&refresh_token=" + refreshToken, "Authorization", APP_BASIC);
    }
}
