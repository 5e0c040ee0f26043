package dev.signet.zoom.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signet.secrets.Secret;
import dev.signet.zoom.ZoomApiException;
import dev.signet.zoom.ZoomEndpoints;
import dev.signet.zoom.ZoomOAuthException;
import dev.signet.zoom.ZoomTransportException;
import dev.signet.zoom.ZoomTransportException.Kind;
import dev.signet.zoom.http.ZoomExchange;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * User-level OAuth for a Zoom General (user-managed) app: the authorize URL a user is sent to (with {@code state} and
 * a PKCE S256 challenge), the authorization-code exchange, refresh (Zoom rotates the refresh token every time) and
 * revocation. Refusals from Zoom's OAuth endpoint are {@link ZoomOAuthException}s; {@code invalid_grant} means the
 * user must connect again. Nothing here caches: the caller owns the tokens and their storage.
 */
public final class ZoomUserOAuth {
    /** Default deadline for one OAuth request. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(ZoomUserOAuth.class);

    private final ZoomExchange exchange;
    private final ZoomEndpoints endpoints;
    private final UserOAuthApp app;
    private final Clock clock;

    public ZoomUserOAuth(HttpClient http, ZoomEndpoints endpoints, UserOAuthApp app, Clock clock) {
        this(http, endpoints, app, clock, DEFAULT_TIMEOUT);
    }

    /**
     * @param timeout deadline for one OAuth request
     */
    public ZoomUserOAuth(HttpClient http, ZoomEndpoints endpoints, UserOAuthApp app, Clock clock, Duration timeout) {
        this(new ZoomExchange(http, clock, timeout), endpoints, app, clock);
    }

    /** Calls Zoom through {@code exchange} (its timeout is the deadline of one OAuth request). */
    public ZoomUserOAuth(ZoomExchange exchange, ZoomEndpoints endpoints, UserOAuthApp app, Clock clock) {
        this.exchange = exchange;
        this.endpoints = endpoints;
        this.app = app;
        this.clock = clock;
    }

    /**
     * Where to send the user's browser: {@code {oauthBase}/oauth/authorize?response_type=code&client_id=…
     * &redirect_uri=…&state=…&code_challenge=…&code_challenge_method=S256}.
     *
     * @param state the single-use value that ties the callback to this request
     * @param challenge the PKCE S256 challenge ({@link Pkce#challenge()})
     */
    public URI authorizeUri(Secret state, String challenge) {
        return URI.create(endpoints.oauthBase() + "/oauth/authorize?response_type=code"
                + "&client_id=" + form(app.clientId())
                + "&redirect_uri=" + form(app.redirectUri().toString())
                + "&state=" + form(state.reveal())
                + "&code_challenge=" + form(challenge)
                + "&code_challenge_method=S256");
    }

    /**
     * Exchanges the authorization code the user came back with for a token pair.
     *
     * @param code the {@code code} query parameter of the callback
     * @param verifier the PKCE verifier whose challenge went into the authorize URL
     * @throws ZoomOAuthException when Zoom refuses the code ({@code invalid_grant}: used, expired, or a wrong
     *     verifier) or the client
     */
    public UserTokens exchangeCode(Secret code, Secret verifier) {
        String form = "grant_type=authorization_code&code=" + form(code.reveal())
                + "&redirect_uri=" + form(app.redirectUri().toString())
                + "&code_verifier=" + form(verifier.reveal());
        return tokens(post("/oauth/token", form, "POST /oauth/token (authorization_code)", code, verifier));
    }

    /**
     * Refreshes a grant. The answer carries a <b>new</b> refresh token and the one sent is dead: store the new one
     * before using the access token.
     *
     * @throws ZoomOAuthException with {@link ZoomOAuthException#isInvalidGrant()} when the refresh token is used,
     *     expired or revoked
     */
    public UserTokens refresh(Secret refreshToken) {
        String form = "grant_type=refresh_token&refresh_token=" + form(refreshToken.reveal());
        return tokens(post("/oauth/token", form, "POST /oauth/token (refresh_token)", refreshToken));
    }

    /**
     * Revokes a token at Zoom ({@code POST {oauthBase}/oauth/revoke}, form {@code token}), which ends the user's
     * authorization of the app.
     *
     * @throws ZoomOAuthException when Zoom refuses (e.g. the token is already invalid)
     */
    public void revoke(Secret token) {
        post("/oauth/revoke", "token=" + form(token.reveal()), "POST /oauth/revoke", token);
        LOG.debug("Revoked a user token at Zoom");
    }

    private JsonNode post(String path, String form, String what, Secret... secrets) {
        String basic = app.basicCredentials().reveal();
        List<String> hidden = new ArrayList<>(List.of(app.clientSecret().reveal(), basic));
        for (Secret secret : secrets) {
            hidden.add(secret.reveal());
            hidden.add(form(secret.reveal()));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoints.oauthBase() + path))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8));
        try {
            return exchange.send(request, what, hidden);
        } catch (ZoomApiException e) {
            if (e instanceof ZoomOAuthException
                    || e.isRateLimited()
                    || e.isServerError()
                    || e.code().isPresent()) {
                throw e;
            }
            String error = e.error().orElse("");
            if (error.isEmpty()) {
                throw e;
            }
            throw new ZoomOAuthException(e.status(), error, e.zoomMessage(), e.trackingId());
        }
    }

    private UserTokens tokens(JsonNode body) {
        Instant obtainedAt = clock.instant();
        String access = text(body, "access_token");
        String refresh = text(body, "refresh_token");
        JsonNode expiresIn = body.get("expires_in");
        if (access.isBlank()) {
            throw malformed("no access_token");
        }
        if (refresh.isBlank()) {
            throw malformed("no refresh_token");
        }
        if (expiresIn == null || !expiresIn.canConvertToLong() || expiresIn.asLong() <= 0) {
            throw malformed("no positive expires_in");
        }
        return new UserTokens(
                Secret.of(access),
                Secret.of(refresh),
                obtainedAt,
                obtainedAt.plusSeconds(expiresIn.asLong()),
                text(body, "scope"));
    }

    private static String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        return node != null && node.isTextual() ? node.asText() : "";
    }

    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static ZoomTransportException malformed(String what) {
        return new ZoomTransportException(Kind.MALFORMED, "Zoom's OAuth answer is malformed: " + what, null);
    }

    @Override
    public String toString() {
        return "ZoomUserOAuth[" + endpoints.oauthBase() + ", client " + app.clientId() + "]";
    }
}
