package dev.signet.emulator.oauth;

import dev.signet.emulator.tokens.UserTokens;
import java.util.List;
import java.util.Optional;

/**
 * Ends user grants as Zoom does: revoking a token ({@code POST /oauth/revoke}) or the user removing the app ends
 * the whole grant, with its access and refresh tokens and the OBF tokens minted under it not yet used.
 */
public final class Authorizations {
    private final Grants grants;
    private final TokenStore accessTokens;
    private final UserTokens userTokens;

    public Authorizations(Grants grants, TokenStore accessTokens, UserTokens userTokens) {
        this.grants = grants;
        this.accessTokens = accessTokens;
        this.userTokens = userTokens;
    }

    /** Ends the grant that an access or refresh token of {@code clientId} belongs to; empty for unknown tokens. */
    Optional<Grants.Grant> revokeByToken(String clientId, String token) {
        Optional<Grants.Grant> grant =
                grantOfAccessToken(clientId, token).or(() -> grants.findByRefresh(token, clientId));
        grant.ifPresent(this::end);
        return grant;
    }

    /** The user removed the app: ends their grant of it, if they had one. */
    public Optional<Grants.Grant> deauthorize(String clientId, String userId) {
        Optional<Grants.Grant> grant = grants.find(clientId, userId);
        grant.ifPresent(this::end);
        return grant;
    }

    /** Every standing grant, by user and app. */
    public List<Grants.Grant> all() {
        return grants.all();
    }

    private Optional<Grants.Grant> grantOfAccessToken(String clientId, String token) {
        if (!(accessTokens.check(token) instanceof TokenCheck.Valid(AccessToken access))
                || !access.clientId().equals(clientId)) {
            return Optional.empty();
        }
        String grantId = access.grantId();
        return grantId == null ? Optional.empty() : grants.findById(grantId);
    }

    private void end(Grants.Grant grant) {
        grants.revoke(grant);
        accessTokens.revokeGrant(grant.id());
        userTokens.revokeObf(grant.userId(), grant.clientId());
    }
}
