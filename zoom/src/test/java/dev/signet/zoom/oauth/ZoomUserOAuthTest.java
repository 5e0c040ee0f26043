package dev.signet.zoom.oauth;

import static dev.signet.zoom.MockZoom.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.signet.secrets.Secret;
import dev.signet.testkit.MutableClock;
import dev.signet.zoom.MockZoom;
import dev.signet.zoom.ZoomApiException;
import dev.signet.zoom.ZoomOAuthException;
import dev.signet.zoom.ZoomTransportException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ZoomUserOAuthTest {
    private static final UserOAuthApp APP = new UserOAuthApp(
            "general-client",
            Secret.of("general-secret-XYZ"),
            URI.create("https://broker.example.com/connect/callback"));
    private static final String BASIC = "Basic "
            + Base64.getEncoder().encodeToString("general-client:general-secret-XYZ".getBytes(StandardCharsets.UTF_8));

    private final MutableClock clock = MutableClock.fixed();
    private MockZoom zoom;
    private ZoomUserOAuth oauth;

    @BeforeEach
    void start() {
        zoom = MockZoom.start();
        oauth = new ZoomUserOAuth(MockZoom.http(), zoom.endpoints(), APP, clock);
    }

    @AfterEach
    void stop() {
        zoom.close();
    }

    private static mockwebserver3.MockResponse tokens(String access, String refresh) {
        return json(
                200,
                "{\"access_token\":\"" + access + "\",\"token_type\":\"bearer\",\"refresh_token\":\"" + refresh
                        + "\",\"expires_in\":3599,\"scope\":\"user:read:token user:read:user\"}");
    }

    @Test
    void authorizeUri_carriesClientRedirectStateAndS256Challenge() {
        Pkce pkce = Pkce.generate(new SecureRandom());
        URI uri = oauth.authorizeUri(Secret.of("state-abc"), pkce.challenge());

        assertThat(uri.toString())
                .startsWith(
                        zoom.endpoints().oauthBase() + "/oauth/authorize?response_type=code&client_id=general-client")
                .contains("&redirect_uri=https%3A%2F%2Fbroker.example.com%2Fconnect%2Fcallback")
                .contains("&state=state-abc")
                .contains("&code_challenge=" + pkce.challenge())
                .endsWith("&code_challenge_method=S256");
    }

    @Test
    void pkce_challengeIsTheRfc7636S256OfTheVerifier() {
        // RFC 7636 appendix B.
        assertThat(Pkce.challengeOf("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"))
                .isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
        Pkce pkce = Pkce.generate(new SecureRandom());
        assertThat(pkce.verifier().reveal()).hasSize(43);
        assertThat(Pkce.of(pkce.verifier())).isEqualTo(pkce);
    }

    @Test
    void exchangeCode_postsCodeRedirectAndVerifierWithBasicAuth() {
        zoom.enqueue(tokens("access-1", "refresh-1"));

        UserTokens tokens = oauth.exchangeCode(Secret.of("the-code"), Secret.of("v".repeat(43)));

        assertThat(tokens.accessToken().reveal()).isEqualTo("access-1");
        assertThat(tokens.refreshToken().reveal()).isEqualTo("refresh-1");
        assertThat(tokens.expiresAt()).isEqualTo(clock.instant().plusSeconds(3599));
        assertThat(tokens.scope()).isEqualTo("user:read:token user:read:user");
        assertThat(tokens.toString()).doesNotContain("access-1", "refresh-1");
        RecordedRequest request = zoom.take();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/oauth/token");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo(BASIC);
        assertThat(MockZoom.body(request))
                .isEqualTo("grant_type=authorization_code&code=the-code"
                        + "&redirect_uri=https%3A%2F%2Fbroker.example.com%2Fconnect%2Fcallback"
                        + "&code_verifier=" + "v".repeat(43));
    }

    @Test
    void refresh_sendsTheRefreshTokenAndReturnsTheRotatedOne() {
        zoom.enqueue(tokens("access-2", "refresh-2"));
        clock.advance(Duration.ofMinutes(5));

        UserTokens tokens = oauth.refresh(Secret.of("refresh-1"));

        assertThat(tokens.refreshToken().reveal()).isEqualTo("refresh-2");
        assertThat(tokens.obtainedAt()).isEqualTo(clock.instant());
        RecordedRequest request = zoom.take();
        assertThat(request.getHeaders().get("Authorization")).isEqualTo(BASIC);
        assertThat(MockZoom.body(request)).isEqualTo("grant_type=refresh_token&refresh_token=refresh-1");
    }

    @Test
    void refresh_invalidGrant_isATypedOAuthErrorWithoutTheToken() {
        zoom.enqueue(json(400, "{\"reason\":\"Invalid Token! refresh-1\",\"error\":\"invalid_grant\"}"));

        ZoomOAuthException e =
                catchThrowableOfType(ZoomOAuthException.class, () -> oauth.refresh(Secret.of("refresh-1")));

        assertThat(e.isInvalidGrant()).isTrue();
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.errorName()).isEqualTo("invalid_grant");
        assertThat(e.getMessage()).contains("invalid_grant").doesNotContain("refresh-1");
        assertThat(e.toString()).doesNotContain("refresh-1", "general-secret-XYZ");
    }

    @Test
    void exchangeCode_invalidClient_isAnOAuthErrorButNotInvalidGrant() {
        zoom.enqueue(json(401, "{\"reason\":\"Invalid client_id or client_secret\",\"error\":\"invalid_client\"}"));

        ZoomOAuthException e = catchThrowableOfType(
                ZoomOAuthException.class,
                () -> oauth.exchangeCode(Secret.of("code-abc123"), Secret.of("v".repeat(43))));

        assertThat(e.isInvalidGrant()).isFalse();
        assertThat(e.isInvalidClient()).isTrue();
    }

    @Test
    void refresh_rateLimitedOrServerError_isAPlainApiError() {
        zoom.enqueue(new mockwebserver3.MockResponse.Builder(json(429, "{\"code\":429,\"message\":\"slow down\"}"))
                .addHeader("Retry-After", "7")
                .build());
        zoom.enqueue(json(500, "{\"reason\":\"boom\",\"error\":\"server_error\"}"));

        ZoomApiException limited =
                catchThrowableOfType(ZoomApiException.class, () -> oauth.refresh(Secret.of("refresh-1")));
        ZoomApiException failed =
                catchThrowableOfType(ZoomApiException.class, () -> oauth.refresh(Secret.of("refresh-1")));

        assertThat(limited).isNotInstanceOf(ZoomOAuthException.class);
        assertThat(limited.retryAfter()).contains(clock.instant().plusSeconds(7));
        assertThat(failed).isNotInstanceOf(ZoomOAuthException.class);
        assertThat(failed.isServerError()).isTrue();
    }

    @Test
    void refresh_answerWithoutRefreshToken_isMalformed() {
        zoom.enqueue(json(200, "{\"access_token\":\"a\",\"expires_in\":3599}"));

        ZoomTransportException e =
                catchThrowableOfType(ZoomTransportException.class, () -> oauth.refresh(Secret.of("refresh-1")));

        assertThat(e.kind()).isEqualTo(ZoomTransportException.Kind.MALFORMED);
    }

    @Test
    void revoke_postsTheTokenWithBasicAuth() {
        zoom.enqueue(json(200, "{\"status\":\"success\"}"));

        oauth.revoke(Secret.of("refresh-9"));

        RecordedRequest request = zoom.take();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/oauth/revoke");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo(BASIC);
        assertThat(MockZoom.body(request)).isEqualTo("token=refresh-9");
    }
}
