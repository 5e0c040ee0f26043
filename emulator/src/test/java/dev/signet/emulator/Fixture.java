package dev.signet.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.signet.emulator.faults.Pause;
import dev.signet.emulator.seed.DemoSeed;
import dev.signet.emulator.seed.Seed;
import dev.signet.testkit.MutableClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/** A running demo emulator on a mutable clock, with helpers that speak to it like Zoom clients do. */
public final class Fixture implements AutoCloseable {
    public static final ObjectMapper JSON = new ObjectMapper();

    public final MutableClock clock = MutableClock.at(Instant.parse("2026-03-02T09:00:00Z"));
    public final List<Duration> pauses = new ArrayList<>();
    public final EmulatorServer emulator;
    public final TestHttp http;

    private Fixture(Seed seed, UnaryOperator<EmulatorConfig> tune) {
        Pause recording = pauses::add;
        emulator =
                EmulatorServer.start(tune.apply(EmulatorConfig.of(seed, clock).withPause(recording)));
        http = new TestHttp(emulator.baseUrl());
    }

    public static Fixture demo() {
        return new Fixture(Seed.demo(), UnaryOperator.identity());
    }

    /** The demo seed with the configuration changed by {@code tune} (the clock stays the fixture's). */
    public static Fixture demo(UnaryOperator<EmulatorConfig> tune) {
        return new Fixture(Seed.demo(), tune);
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asserts status and exact body. */
    public static void assertAnswer(HttpResponse<String> response, int status, String body) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.body()).isEqualTo(body);
    }

    /** An S2S access token of Acme. */
    public String acmeToken() {
        return s2sToken(DemoSeed.ACME_S2S_CLIENT_ID, DemoSeed.ACME_S2S_CLIENT_SECRET, DemoSeed.ACME_ACCOUNT_ID);
    }

    public String s2sToken(String clientId, String secret, String accountId) {
        HttpResponse<String> r = http.postForm(
                "/oauth/token",
                "grant_type=account_credentials&account_id=" + accountId,
                "Authorization",
                TestHttp.basic(clientId, secret));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r).get("access_token").asText();
    }

    /** Mints a ZAK for {@code userId} with Acme's S2S app. */
    public String zak(String userId) {
        HttpResponse<String> r =
                http.get("/v2/users/" + userId + "/token?type=zak", "Authorization", "Bearer " + acmeToken());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r).get("token").asText();
    }

    /** A user-level access token: the user approves on the consent page, the app exchanges the code. */
    public UserGrant authorize(String userId) {
        return authorize(DemoSeed.ACME_OAUTH_CLIENT_ID, DemoSeed.ACME_OAUTH_CLIENT_SECRET, userId);
    }

    /** The same with another user-level app (its redirect URIs must allow {@code http://127.0.0.1}). */
    public UserGrant authorize(String clientId, String clientSecret, String userId) {
        String redirect = "http://127.0.0.1:9/callback";
        HttpResponse<String> consent = http.postForm(
                "/oauth/authorize",
                "response_type=code&client_id=" + clientId + "&redirect_uri=" + redirect + "&state=s1&user_id=" + userId
                        + "&decision=approve");
        assertThat(consent.statusCode()).isEqualTo(302);
        String location = consent.headers().firstValue("Location").orElseThrow();
        String code = location.substring(location.indexOf("code=") + 5, location.indexOf("&state="));
        HttpResponse<String> token = http.postForm(
                "/oauth/token",
                "grant_type=authorization_code&code=" + code + "&redirect_uri=" + redirect,
                "Authorization",
                TestHttp.basic(clientId, clientSecret));
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        JsonNode body = json(token);
        return new UserGrant(
                body.get("access_token").asText(), body.get("refresh_token").asText());
    }

    /** An access and refresh token of a user-level app. */
    public record UserGrant(String accessToken, String refreshToken) {}

    /** Mints an OBF token of {@code userId} for {@code meetingId}. */
    public String obf(String userId, long meetingId) {
        HttpResponse<String> r = http.get(
                "/v2/users/me/token?type=onbehalf&meeting_id=" + meetingId,
                "Authorization",
                "Bearer " + authorize(userId).accessToken());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r).get("token").asText();
    }

    /** A Meeting SDK signature made with an independent JWT library. */
    public String signature(String key, String secret, long meetingNumber, int role) {
        Instant iat = clock.instant().minusSeconds(30);
        return signature(key, secret, meetingNumber, role, iat, iat.plus(Duration.ofHours(2)));
    }

    public String signature(String key, String secret, long meetingNumber, int role, Instant iat, Instant exp) {
        return JWT.create()
                .withClaim("appKey", key)
                .withClaim("sdkKey", key)
                .withClaim("mn", Long.toString(meetingNumber))
                .withClaim("role", role)
                .withClaim("iat", iat.getEpochSecond())
                .withClaim("exp", exp.getEpochSecond())
                .withClaim("tokenExp", exp.getEpochSecond())
                .sign(Algorithm.HMAC256(secret));
    }

    /** Acme's published SDK app's signature. */
    public String acmeSignature(long meetingNumber, int role) {
        return signature(DemoSeed.ACME_SDK_KEY, DemoSeed.ACME_SDK_SECRET, meetingNumber, role);
    }

    /** Joins with a JSON body built from pairs (null values are left out). */
    public HttpResponse<String> join(long meetingNumber, Object... pairs) {
        var body = JSON.createObjectNode();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            Object value = pairs[i + 1];
            String key = Objects.toString(pairs[i]);
            if (value instanceof Integer n) {
                body.put(key, n);
            } else if (value != null) {
                body.put(key, value.toString());
            }
        }
        return http.postJson("/emulator/meetings/" + meetingNumber + "/join", body.toString());
    }

    /** The host starts the meeting in person; answers the host's participant id. */
    public String startAsHost(long meetingNumber) {
        HttpResponse<String> r = http.postJson("/emulator/meetings/" + meetingNumber + "/start", "{}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r).get("participant_id").asText();
    }

    @Override
    public void close() {
        http.close();
        emulator.close();
    }
}
