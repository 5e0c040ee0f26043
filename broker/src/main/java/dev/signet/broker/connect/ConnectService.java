package dev.signet.broker.connect;

import dev.signet.broker.db.Database;
import dev.signet.broker.db.Sealer;
import dev.signet.broker.grants.GrantService;
import dev.signet.broker.metrics.BrokerMetrics;
import dev.signet.secrets.Secret;
import dev.signet.zoom.ZoomException;
import dev.signet.zoom.ZoomOAuthException;
import dev.signet.zoom.oauth.Pkce;
import dev.signet.zoom.oauth.UserTokens;
import dev.signet.zoom.oauth.ZoomUserOAuth;
import dev.signet.zoom.users.SignedInUser;
import dev.signet.zoom.users.ZoomMe;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connect flow: {@link #start()} stores a single-use {@code state} with a PKCE verifier and gives Zoom's authorize
 * URL; {@link #finish} consumes the state, exchanges the code (with the verifier), reads {@code /users/me} and stores
 * the grant.
 */
public final class ConnectService {
    /** How long a user has between the redirect to Zoom and the callback. */
    public static final Duration STATE_TTL = Duration.ofMinutes(10);

    private static final Logger log = LoggerFactory.getLogger(ConnectService.class);

    private final ConnectStates states;
    private final ZoomUserOAuth oauth;
    private final ZoomMe zoom;
    private final GrantService grants;
    private final BrokerMetrics metrics;
    private final Consumer<Secret> protect;
    private final SecureRandom random;
    private final Clock clock;

    /**
     * @param protect sees every state, code, verifier and token of the flow (the log guard learns them)
     */
    public ConnectService(
            Database database,
            Sealer sealer,
            ZoomUserOAuth oauth,
            ZoomMe zoom,
            GrantService grants,
            BrokerMetrics metrics,
            Consumer<Secret> protect,
            SecureRandom random,
            Clock clock) {
        this.states = new ConnectStates(database.jdbi(), sealer);
        this.oauth = oauth;
        this.zoom = zoom;
        this.grants = grants;
        this.metrics = metrics;
        this.protect = protect;
        this.random = random;
        this.clock = clock;
    }

    /** Starts a flow: where to send the user's browser. */
    public URI start() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        Secret state = Secret.of(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        Pkce pkce = Pkce.generate(random);
        protect.accept(state);
        protect.accept(pkce.verifier());
        Instant now = clock.instant();
        states.save(state, pkce.verifier(), now, now.plus(STATE_TTL));
        return oauth.authorizeUri(state, pkce.challenge());
    }

    /**
     * Finishes a flow at the callback.
     *
     * @param code the {@code code} query parameter, if any
     * @param state the {@code state} query parameter, if any
     * @param error the {@code error} query parameter (e.g. {@code access_denied}), if any
     */
    ConnectOutcome finish(@Nullable String code, @Nullable String state, @Nullable String error) {
        ConnectOutcome outcome = decide(code, state, error);
        metrics.grantEvent(
                switch (outcome) {
                    case ConnectOutcome.Connected connected -> "connected";
                    case ConnectOutcome.Denied denied -> "connect_denied";
                    case ConnectOutcome.InvalidState invalid -> "connect_invalid_state";
                    case ConnectOutcome.Refused refused -> "connect_refused";
                    case ConnectOutcome.Failed failed -> "connect_failed";
                });
        return outcome;
    }

    private ConnectOutcome decide(@Nullable String code, @Nullable String state, @Nullable String error) {
        if (state == null || state.isBlank()) {
            return new ConnectOutcome.InvalidState("the link back from Zoom has no state");
        }
        Secret stateSecret = Secret.of(state);
        protect.accept(stateSecret);
        if (code != null && !code.isBlank()) {
            protect.accept(Secret.of(code));
        }
        Secret verifier;
        switch (states.consume(stateSecret, clock.instant())) {
            case ConnectStates.Consumed.Unknown unknown -> {
                return new ConnectOutcome.InvalidState("this sign-in was already used or was never started here");
            }
            case ConnectStates.Consumed.Expired expired -> {
                return new ConnectOutcome.InvalidState(
                        "this sign-in took longer than " + STATE_TTL.toMinutes() + " minutes and expired");
            }
            case ConnectStates.Consumed.Valid valid -> verifier = valid.verifier();
        }
        if (error != null && !error.isBlank()) {
            log.info("a user declined the connection on Zoom's consent page ({})", error);
            return new ConnectOutcome.Denied(error);
        }
        if (code == null || code.isBlank()) {
            return new ConnectOutcome.Refused("Zoom sent no authorization code");
        }
        try {
            UserTokens tokens = oauth.exchangeCode(Secret.of(code), verifier);
            protect.accept(tokens.accessToken());
            protect.accept(tokens.refreshToken());
            SignedInUser user = zoom.me(tokens.accessToken());
            grants.connect(user, tokens);
            return new ConnectOutcome.Connected(user);
        } catch (ZoomOAuthException e) {
            log.warn("Zoom refused the authorization code: {}", e.getMessage());
            return new ConnectOutcome.Refused(String.valueOf(e.getMessage()));
        } catch (ZoomException e) {
            log.warn("finishing a connection failed: {}", e.getMessage());
            return new ConnectOutcome.Failed(String.valueOf(e.getMessage()));
        }
    }

    /** Deletes expired states; returns how many. */
    public int purgeExpired() {
        return states.purge(clock.instant());
    }
}
