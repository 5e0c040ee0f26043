package dev.signet.emulator.oauth;

import dev.signet.emulator.directory.Account;
import dev.signet.emulator.directory.Directory;
import dev.signet.emulator.directory.OAuthApp;
import dev.signet.emulator.directory.S2sApp;
import dev.signet.emulator.directory.User;
import dev.signet.emulator.http.Links;
import dev.signet.emulator.http.OAuthException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Zoom's {@code POST /oauth/token} (the account_credentials, authorization_code with optional PKCE, and
 * refresh_token grants) and {@code POST /oauth/revoke}.
 */
public final class OAuthService {
    private final Directory directory;
    private final TokenStore tokens;
    private final Grants grants;
    private final Authorizations authorizations;
    private final Links links;

    public OAuthService(
            Directory directory, TokenStore tokens, Grants grants, Authorizations authorizations, Links links) {
        this.directory = directory;
        this.tokens = tokens;
        this.grants = grants;
        this.authorizations = authorizations;
        this.links = links;
    }

    /** Zoom's {@code POST /oauth/revoke}: ends the whole grant an access or refresh token of the app belongs to. */
    Map<String, String> revoke(@Nullable String authorization, @Nullable String token) {
        OAuthApp app = userApp(ClientCredentials.fromBasic(authorization));
        if (token == null || token.isBlank()) {
            throw new OAuthException("invalid_request", "Bad Request");
        }
        if (authorizations.revokeByToken(app.clientId(), token).isEmpty()) {
            throw new OAuthException("invalid_request", "Invalid Token!");
        }
        return Map.of("status", "success");
    }

    /** Answers a token request; {@code param} reads a parameter from the form body or the query. */
    Object token(@Nullable String authorization, Function<String, @Nullable String> param) {
        String grantType = param.apply("grant_type");
        if (grantType == null
                || !Set.of("account_credentials", "authorization_code", "refresh_token")
                        .contains(grantType)) {
            throw new OAuthException("unsupported_grant_type", "unsupported grant type");
        }
        ClientCredentials client = ClientCredentials.fromBasic(authorization);
        return switch (grantType) {
            case "account_credentials" -> accountCredentials(client, param.apply("account_id"));
            case "authorization_code" ->
                authorizationCode(
                        client, param.apply("code"), param.apply("redirect_uri"), param.apply("code_verifier"));
            default -> refresh(client, param.apply("refresh_token"));
        };
    }

    private TokenResponse accountCredentials(ClientCredentials client, @Nullable String accountId) {
        S2sApp app = directory
                .findS2sApp(client.clientId())
                .filter(a -> a.clientSecret().matches(client.clientSecret()))
                .orElseThrow(OAuthException::invalidClient);
        if (accountId == null || accountId.isBlank()) {
            throw new OAuthException("invalid_request", "Bad Request");
        }
        if (!app.accountId().equals(accountId)) {
            throw OAuthException.invalidClient();
        }
        requireActive(app.accountId());
        String token = tokens.issue(app.clientId(), app.accountId(), null, null, app.scopes());
        return new TokenResponse(
                token, "bearer", TokenStore.ACCESS_TOKEN_LIFE.toSeconds(), join(app.scopes()), links.base());
    }

    private UserTokenResponse authorizationCode(
            ClientCredentials client,
            @Nullable String code,
            @Nullable String redirectUri,
            @Nullable String codeVerifier) {
        OAuthApp app = userApp(client);
        if (code == null || code.isBlank()) {
            throw new OAuthException("invalid_request", "Missing code");
        }
        Grants.Code issued = grants.redeemCode(code, app.clientId())
                .orElseThrow(() -> new OAuthException("invalid_grant", "Invalid authorization code"));
        if (redirectUri == null || !redirectUri.equals(issued.redirectUri())) {
            throw new OAuthException("invalid_request", "Redirect URI mismatch.");
        }
        Pkce pkce = issued.pkce();
        if (pkce != null && !pkce.verifies(codeVerifier)) {
            throw new OAuthException("invalid_grant", "Invalid code verifier");
        }
        return userTokens(app, grants.authorize(app.clientId(), issued.userId()));
    }

    private UserTokenResponse refresh(ClientCredentials client, @Nullable String refreshToken) {
        OAuthApp app = userApp(client);
        if (refreshToken == null || refreshToken.isBlank()) {
            throw new OAuthException("invalid_request", "Missing refresh_token");
        }
        Grants.Grant grant = grants.redeemRefresh(refreshToken, app.clientId())
                .orElseThrow(() -> new OAuthException("invalid_grant", "Invalid Token!"));
        return userTokens(app, grant);
    }

    private UserTokenResponse userTokens(OAuthApp app, Grants.Grant grant) {
        User user = directory
                .findUser(grant.userId())
                .orElseThrow(() -> new OAuthException("invalid_grant", "Invalid Token!"));
        requireActive(user.accountId());
        String access = tokens.issue(app.clientId(), user.accountId(), user.id(), grant.id(), app.scopes());
        String refresh = grants.issueRefresh(grant);
        return new UserTokenResponse(
                access, "bearer", refresh, TokenStore.ACCESS_TOKEN_LIFE.toSeconds(), join(app.scopes()), links.base());
    }

    private OAuthApp userApp(ClientCredentials client) {
        return directory
                .findOAuthApp(client.clientId())
                .filter(a -> a.clientSecret().matches(client.clientSecret()))
                .orElseThrow(OAuthException::invalidClient);
    }

    private void requireActive(String accountId) {
        if (directory.findAccount(accountId).map(Account::blocked).orElse(true)) {
            throw new OAuthException("invalid_request", "The account has been disabled.");
        }
    }

    private static String join(Set<String> scopes) {
        return String.join(" ", new TreeSet<>(scopes));
    }
}
