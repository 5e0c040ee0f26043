package dev.signet.zoom.users;

import static dev.signet.zoom.MockZoom.json;
import static dev.signet.zoom.MockZoom.oauthToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.signet.secrets.Secret;
import dev.signet.testkit.MutableClock;
import dev.signet.zoom.MockZoom;
import dev.signet.zoom.ZoomApiException;
import dev.signet.zoom.ZoomTransportException;
import dev.signet.zoom.oauth.S2sCredentials;
import dev.signet.zoom.oauth.ZoomOAuth;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(30)
class ZoomUsersTest {
    private static final String ZAK =
            "eyJ0eXAiOiJKV1QiLCJzdiI6IjAwMDAwMSIsInptX3NrbSI6InptX28ybSIsImFsZyI6IkhTMjU2In0.zak";

    private final MutableClock clock = MutableClock.fixed();
    private MockZoom zoom;
    private ZoomUsers users;

    @BeforeEach
    void start() {
        zoom = MockZoom.start();
        ZoomOAuth oauth = new ZoomOAuth(
                MockZoom.http(), zoom.endpoints(), new S2sCredentials("acct", "cid", new Secret("csecret")), clock);
        users = new ZoomUsers(MockZoom.http(), zoom.endpoints(), oauth, clock);
    }

    @AfterEach
    void stop() {
        zoom.close();
    }

    @Test
    void token_zak_sendsTypeTtlAndBearer() {
        zoom.enqueue(oauthToken("access-1", 3600));
        zoom.enqueue(json(200, "{\"token\":\"" + ZAK + "\"}"));

        UserToken token = users.token("bot@example.com", TokenType.ZAK, Duration.ofHours(1), null);

        assertThat(token.token().reveal()).isEqualTo(ZAK);
        assertThat(token.mintedAt()).isEqualTo(clock.instant());
        assertThat(token.expiresAt()).isEqualTo(clock.instant().plusSeconds(3600));
        zoom.take();
        RecordedRequest mint = zoom.take();
        assertThat(mint.getMethod()).isEqualTo("GET");
        assertThat(mint.getTarget()).isEqualTo("/v2/users/bot%40example.com/token?type=zak&ttl=3600");
        assertThat(mint.getHeaders().get("Authorization")).isEqualTo("Bearer access-1");
    }

    @Test
    void token_withoutTtl_stillSendsTypeAndAssumesTwoHours() {
        zoom.enqueue(oauthToken("access-1", 3600));
        zoom.enqueue(json(200, "{\"token\":\"" + ZAK + "\"}"));

        UserToken token = users.token("u 1", TokenType.ZAK, null, null);

        assertThat(token.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(2)));
        zoom.take();
        assertThat(zoom.take().getTarget()).isEqualTo("/v2/users/u%201/token?type=zak");
    }

    @Test
    void token_onbehalf_sendsMeetingId() {
        zoom.enqueue(oauthToken("access-1", 3600));
        zoom.enqueue(json(200, "{\"token\":\"obf-token\"}"));

        users.token("host@example.com", TokenType.ONBEHALF, null, "81234567890");

        zoom.take();
        assertThat(zoom.take().getTarget())
                .isEqualTo("/v2/users/host%40example.com/token?type=onbehalf&meeting_id=81234567890");
    }

    @Test
    void token_reusesTheAccessToken() {
        zoom.enqueue(oauthToken("access-1", 3600));
        zoom.enqueue(json(200, "{\"token\":\"a\"}"));
        zoom.enqueue(json(200, "{\"token\":\"b\"}"));

        users.token("u", TokenType.ZAK, null, null);
        users.token("u", TokenType.ZAK, null, null);

        assertThat(zoom.requestCount()).isEqualTo(3);
    }

    @Test
    void token_invalidAccessToken_fetchesANewOneAndRetriesOnce() {
        zoom.enqueue(oauthToken("access-1", 3600));
        zoom.enqueue(json(401, "{\"code\":124,\"message\":\"Invalid access token.\"}"));
        zoom.enqueue(oauthToken("access-2", 3600));
        zoom.enqueue(json(200, "{\"token\":\"" + ZAK + "\"}"));

        assertThat(users.token("u", TokenType.ZAK, null, null).token().reveal()).isEqualTo(ZAK);

        assertThat(zoom.take().getUrl().encodedPath()).isEqualTo("/oauth/token");
        assertThat(zoom.take().getHeaders().get("Authorization")).isEqualTo("Bearer access-1");
        assertThat(zoom.take().getUrl().encodedPath()).isEqualTo("/oauth/token");
        assertThat(zoom.take().getHeaders().get("Authorization")).isEqualTo("Bearer access-2");
        assertThat(zoom.requestCount()).isEqualTo(4);
    }

    @Test
    void token_invalidAccessTokenTwice_givesUpAfterOneRetry() {
        zoom.enqueue(oauthToken("access-1", 3600));
        zoom.enqueue(json(401, "{\"code\":124,\"message\":\"Access token is expired.\"}"));
        zoom.enqueue(oauthToken("access-2", 3600));
        zoom.enqueue(json(401, "{\"code\":124,\"message\":\"Access token is expired.\"}"));
        zoom.enqueue(oauthToken("access-3", 3600));

        assertThatThrownBy(() -> users.token("u", TokenType.ZAK, null, null))
                .isInstanceOfSatisfying(
                        ZoomApiException.class,
                        e -> assertThat(e.isInvalidAccessToken()).isTrue())
                .hasMessage("Zoom answered 401 (code 124): Access token is expired.");
        assertThat(zoom.requestCount()).isEqualTo(4);

        // The refused second token is dropped too, so the next call starts with a fresh one.
        zoom.enqueue(json(200, "{\"token\":\"" + ZAK + "\"}"));
        users.token("u", TokenType.ZAK, null, null);
        for (int i = 0; i < 4; i++) {
            zoom.take();
        }
        assertThat(zoom.take().getUrl().encodedPath()).isEqualTo("/oauth/token");
        assertThat(zoom.take().getHeaders().get("Authorization")).isEqualTo("Bearer access-3");
    }

    @Test
    void token_otherUnauthorized_isNotRetried() {
        zoom.enqueue(oauthToken("access-1", 3600));
        zoom.enqueue(json(401, "{\"code\":4700,\"message\":\"Invalid scope.\"}"));

        assertThatThrownBy(() -> users.token("u", TokenType.ZAK, null, null))
                .isInstanceOfSatisfying(
                        ZoomApiException.class,
                        e -> assertThat(e.isInvalidAccessToken()).isFalse());
        assertThat(zoom.requestCount()).isEqualTo(2);
    }

    @Test
    void token_unknownUser_throwsUserNotFound() {
        zoom.enqueue(oauthToken("access-1", 3600));
        zoom.enqueue(json(404, "{\"code\":1001,\"message\":\"User does not exist: x@y.\"}"));

        assertThatThrownBy(() -> users.token("x@y", TokenType.ZAK, null, null))
                .isInstanceOfSatisfying(ZoomApiException.class, e -> {
                    assertThat(e.isUserNotFound()).isTrue();
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.code()).isEqualTo(OptionalInt.of(1001));
                    assertThat(e.zoomMessage()).isEqualTo("User does not exist: x@y.");
                    assertThat(e.trackingId()).isEqualTo("v=2.0;clid=us06;rid=TRACK-404");
                    assertThat(e.retryAfter()).isEmpty();
                })
                .hasMessage("Zoom answered 404 (code 1001): User does not exist: x@y.");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "7|2026-01-01T00:00:07Z",
                "2026-01-01T00:00:30Z|2026-01-01T00:00:30Z",
                "2026-01-01T02:00:30+02:00|2026-01-01T00:00:30Z",
                "2026-01-01T00:00:30.500Z|2026-01-01T00:00:30.500Z",
                "2026-01-01T00:00:30|2026-01-01T00:00:30Z",
                "Thu, 01 Jan 2026 00:01:00 GMT|2026-01-01T00:01:00Z"
            })
    void token_rateLimited_parsesEveryRetryAfterForm(String row) {
        String header = row.substring(0, row.indexOf('|'));
        Instant expected = Instant.parse(row.substring(row.indexOf('|') + 1));
        zoom.enqueue(oauthToken("access-1", 3600));
        zoom.enqueue(new MockResponse.Builder(json(
                        429,
                        "{\"code\":429,\"message\":\"You have reached the maximum per-second rate limit for"
                                + " this API. Try again later.\"}"))
                .addHeader("Retry-After", header)
                .addHeader("X-RateLimit-Type", "QPS")
                .addHeader("X-RateLimit-Category", "Light")
                .build());

        assertThatThrownBy(() -> users.token("u", TokenType.ZAK, null, null))
                .isInstanceOfSatisfying(ZoomApiException.class, e -> {
                    assertThat(e.isRateLimited()).isTrue();
                    assertThat(e.retryAfter()).contains(expected);
                    assertThat(e.rateLimitType()).contains("QPS");
                    assertThat(e.rateLimitCategory()).contains("Light");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "soon", "-5", "99999999999999999999"})
    void token_rateLimitedWithUnreadableRetryAfter_saysNothing(String header) {
        zoom.enqueue(oauthToken("access-1", 3600));
        MockResponse.Builder limited = new MockResponse.Builder(json(429, "{\"code\":429,\"message\":\"slow\"}"));
        if (!header.isEmpty()) {
            limited.addHeader("Retry-After", header);
        }
        zoom.enqueue(limited.build());

        assertThatThrownBy(() -> users.token("u", TokenType.ZAK, null, null))
                .isInstanceOfSatisfying(ZoomApiException.class, e -> {
                    assertThat(e.isRateLimited()).isTrue();
                    assertThat(e.retryAfter()).isEmpty();
                    assertThat(e.rateLimitType()).isEmpty();
                });
    }

    @Test
    void token_serverError_throwsApiException() {
        zoom.enqueue(oauthToken("access-1", 3600));
        zoom.enqueue(json(503, "{\"code\":503,\"message\":\"Service unavailable\"}"));

        assertThatThrownBy(() -> users.token("u", TokenType.ZAK, null, null))
                .isInstanceOfSatisfying(ZoomApiException.class, e -> {
                    assertThat(e.isServerError()).isTrue();
                    assertThat(e.isRateLimited()).isFalse();
                })
                .hasMessage("Zoom answered 503 (code 503): Service unavailable");
    }

    @Test
    void token_slowAnswer_timesOut() {
        users = new ZoomUsers(
                MockZoom.http(),
                zoom.endpoints(),
                new FixedTokenSource(new Secret("access")),
                clock,
                Duration.ofMillis(200));
        zoom.enqueue(new MockResponse.Builder(json(200, "{\"token\":\"late\"}"))
                .headersDelay(2, TimeUnit.SECONDS)
                .build());

        assertThatThrownBy(() -> users.token("u", TokenType.ZAK, null, null))
                .isInstanceOfSatisfying(
                        ZoomTransportException.class,
                        e -> assertThat(e.isTimeout()).isTrue())
                .hasMessageContaining("within");
    }

    @Test
    void token_stalledBody_timesOut() {
        users = new ZoomUsers(
                MockZoom.http(),
                zoom.endpoints(),
                new FixedTokenSource(new Secret("access")),
                clock,
                Duration.ofMillis(300));
        zoom.enqueue(new MockResponse.Builder(json(200, "{\"token\":\"late\"}"))
                .bodyDelay(2, TimeUnit.SECONDS)
                .build());

        assertThatThrownBy(() -> users.token("u", TokenType.ZAK, null, null))
                .isInstanceOfSatisfying(
                        ZoomTransportException.class,
                        e -> assertThat(e.isTimeout()).isTrue());
    }

    @Test
    void token_unreachableZoom_throwsNetworkError() {
        zoom.close();

        assertThatThrownBy(() -> users.token("u", TokenType.ZAK, null, null))
                .isInstanceOfSatisfying(
                        ZoomTransportException.class,
                        e -> assertThat(e.kind()).isEqualTo(ZoomTransportException.Kind.NETWORK))
                .hasMessageStartingWith("No usable answer from Zoom to POST /oauth/token: ");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"token\":\"abc\"",
                "[\"abc\"]",
                "{}",
                "{\"token\":\"\"}",
                "{\"token\":42}",
                "{\"token\":\"has space\"}",
                "{\"token\":\"caf\u00e9\"}",
                "{\"token\":\"line\\nbreak\"}",
                "not json at all",
                ""
            })
    void token_malformedAnswer_throwsMalformed(String body) {
        zoom.enqueue(oauthToken("access-1", 3600));
        zoom.enqueue(json(200, body));

        assertThatThrownBy(() -> users.token("u", TokenType.ZAK, null, null))
                .isInstanceOfSatisfying(
                        ZoomTransportException.class,
                        e -> assertThat(e.kind()).isEqualTo(ZoomTransportException.Kind.MALFORMED))
                .hasMessageContaining("malformed");
    }

    @Test
    void token_hugeAnswer_isRefusedWithoutReadingItAll() {
        zoom.enqueue(oauthToken("access-1", 3600));
        zoom.enqueue(json(200, "{\"token\":\"" + "a".repeat(200_000) + "\"}"));

        assertThatThrownBy(() -> users.token("u", TokenType.ZAK, null, null))
                .isInstanceOf(ZoomTransportException.class)
                .hasMessageStartingWith("No usable answer from Zoom to GET /users/{userId}/token?type=zak: ")
                .hasMessageNotContaining("aaaa");
    }

    @Test
    void token_redirect_isAnErrorNotFollowed() {
        zoom.enqueue(oauthToken("access-1", 3600));
        zoom.enqueue(new MockResponse.Builder()
                .code(302)
                .addHeader("Location", "http://127.0.0.1:1/elsewhere")
                .build());

        assertThatThrownBy(() -> users.token("u", TokenType.ZAK, null, null))
                .isInstanceOfSatisfying(
                        ZoomApiException.class, e -> assertThat(e.status()).isEqualTo(302))
                .hasMessage("Zoom answered 302.");
        assertThat(zoom.requestCount()).isEqualTo(2);
    }

    @Test
    void token_longerThan512Chars_isMalformed() {
        zoom.enqueue(oauthToken("access-1", 3600));
        zoom.enqueue(json(200, "{\"token\":\"" + "a".repeat(513) + "\"}"));

        assertThatThrownBy(() -> users.token("u", TokenType.ZAK, null, null))
                .isInstanceOf(ZoomTransportException.class)
                .hasMessageContaining("512");
    }

    @Test
    void token_exactly512Chars_isAccepted() {
        zoom.enqueue(oauthToken("access-1", 3600));
        zoom.enqueue(json(200, "{\"token\":\"" + "a".repeat(512) + "\"}"));

        assertThat(users.token("u", TokenType.ZAK, null, null).token().reveal()).hasSize(512);
    }

    @Test
    void token_badArguments_areRejectedBeforeCallingZoom() {
        assertThatThrownBy(() -> users.token(" ", TokenType.ZAK, null, null)).hasMessageContaining("userId");
        assertThatThrownBy(() -> users.token("u", TokenType.ZAK, Duration.ZERO, null))
                .hasMessageContaining("ttl");
        assertThatThrownBy(() -> users.token("u", TokenType.ZAK, Duration.ofDays(366), null))
                .hasMessageContaining("ttl");
        assertThatThrownBy(() -> users.token("u", TokenType.ONBEHALF, null, null))
                .hasMessageContaining("meetingId");
        assertThatThrownBy(() -> users.token("u", TokenType.ONBEHALF, null, "12&x=1"))
                .hasMessageContaining("meetingId");
        assertThat(zoom.requestCount()).isZero();
    }

    @Test
    void user_readsProfile() {
        zoom.enqueue(oauthToken("access-1", 3600));
        zoom.enqueue(
                json(
                        200,
                        "{\"id\":\"KDcuGIm1QgePTO8WbOqwIQ\",\"email\":\"bot@example.com\",\"display_name\":\"Note Bot\","
                                + "\"first_name\":\"Note\",\"last_name\":\"Taker\",\"pic_url\":\"https://example.com/p.png\"}"));

        ZoomUser user = users.user("bot@example.com");

        assertThat(user)
                .isEqualTo(new ZoomUser(
                        "KDcuGIm1QgePTO8WbOqwIQ", "bot@example.com", "Note Bot", "https://example.com/p.png"));
        zoom.take();
        assertThat(zoom.take().getTarget()).isEqualTo("/v2/users/bot%40example.com");
    }

    @Test
    void user_withoutDisplayName_fallsBackToFirstAndLastName() {
        zoom.enqueue(oauthToken("access-1", 3600));
        zoom.enqueue(
                json(200, "{\"id\":\"u1\",\"email\":\"a@b.c\",\"first_name\":\"Ada\",\"last_name\":\"Lovelace\"}"));

        assertThat(users.user("u1")).isEqualTo(new ZoomUser("u1", "a@b.c", "Ada Lovelace", null));
    }

    @Test
    void user_withoutAnyName_fallsBackToEmail() {
        zoom.enqueue(oauthToken("access-1", 3600));
        zoom.enqueue(json(200, "{\"id\":\"u1\",\"email\":\"a@b.c\",\"display_name\":\" \"}"));

        assertThat(users.user("u1").displayName()).isEqualTo("a@b.c");
    }

    @Test
    void user_withoutEmail_isMalformed() {
        zoom.enqueue(oauthToken("access-1", 3600));
        zoom.enqueue(json(200, "{\"id\":\"u1\"}"));

        assertThatThrownBy(() -> users.user("u1")).isInstanceOf(ZoomTransportException.class);
    }

    @Test
    void user_unknown_throwsUserNotFound() {
        zoom.enqueue(oauthToken("access-1", 3600));
        zoom.enqueue(json(404, "{\"code\":1001,\"message\":\"User does not exist: nobody.\"}"));

        assertThatThrownBy(() -> users.user("nobody"))
                .isInstanceOfSatisfying(
                        ZoomApiException.class,
                        e -> assertThat(e.isUserNotFound()).isTrue());
    }

    /** A token source that always hands out the same token. */
    private record FixedTokenSource(Secret token) implements dev.signet.zoom.oauth.TokenSource {
        @Override
        public Secret accessToken() {
            return token;
        }

        @Override
        public void invalidate(Secret token) {}
    }
}
