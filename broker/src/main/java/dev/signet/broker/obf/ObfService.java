package dev.signet.broker.obf;

import dev.signet.broker.grants.GrantAccess;
import dev.signet.broker.grants.GrantService;
import dev.signet.secrets.Secret;
import dev.signet.zoom.ZoomApiException;
import dev.signet.zoom.ZoomTransportException;
import dev.signet.zoom.users.UserToken;
import dev.signet.zoom.users.ZoomMe;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mints on-behalf-of tokens: a valid access token of the user's grant (refreshed single-flight when due), then
 * {@code GET /users/me/token?type=onbehalf&meeting_id=…}. Every call mints: an OBF token is single-use and
 * meeting-bound, so it is never cached or handed out twice. When Zoom refuses the access token (401, code 124) the
 * grant is refreshed once and the mint retried.
 */
public final class ObfService {
    private static final Logger log = LoggerFactory.getLogger(ObfService.class);
    private static final Duration DEFAULT_BACKOFF = Duration.ofSeconds(1);

    private final GrantService grants;
    private final ZoomMe zoom;
    private final Consumer<Secret> protect;
    private final Clock clock;

    /**
     * @param protect sees every minted token (the log guard learns it)
     */
    public ObfService(GrantService grants, ZoomMe zoom, Consumer<Secret> protect, Clock clock) {
        this.grants = grants;
        this.zoom = zoom;
        this.protect = protect;
        this.clock = clock;
    }

    /**
     * Mints an OBF token for {@code meetingId} on behalf of the user named by Zoom id or email.
     *
     * @param meetingId digits only (checked by the caller)
     */
    public ObfOutcome mint(String user, String meetingId) {
        try {
            GrantAccess access = grants.access(user);
            for (int attempt = 1; ; attempt++) {
                switch (access) {
                    case GrantAccess.NotConnected notConnected -> {
                        return new ObfOutcome.NotConnected();
                    }
                    case GrantAccess.Disconnected disconnected -> {
                        return new ObfOutcome.Disconnected();
                    }
                    case GrantAccess.Ready ready -> {
                        try {
                            UserToken token = zoom.onBehalfToken(ready.accessToken(), meetingId);
                            protect.accept(token.token());
                            log.debug(
                                    "minted an OBF token for Zoom user {}",
                                    ready.grant().userId());
                            return new ObfOutcome.Minted(token.token());
                        } catch (ZoomApiException e) {
                            if (!e.isInvalidAccessToken() || attempt > 1) {
                                throw e;
                            }
                            log.debug(
                                    "Zoom refused the access token of user {}; refreshing",
                                    ready.grant().userId());
                            access = grants.refreshRefused(ready.grant().userId(), ready.accessToken());
                        }
                    }
                }
            }
        } catch (ZoomApiException e) {
            if (e.isRateLimited()) {
                Instant now = clock.instant();
                Duration wait = e.retryAfter()
                        .map(at -> Duration.between(now, at))
                        .filter(d -> !d.isNegative())
                        .orElse(DEFAULT_BACKOFF);
                return new ObfOutcome.RateLimited(wait.isZero() ? DEFAULT_BACKOFF : wait);
            }
            log.warn("minting an OBF token for {} failed: {}", user, e.getMessage());
            return new ObfOutcome.Failed(String.valueOf(e.getMessage()));
        } catch (ZoomTransportException e) {
            log.warn("minting an OBF token for {} failed: {}", user, e.getMessage());
            return new ObfOutcome.Failed(
                    e.isTimeout() ? "zoom did not answer in time" : String.valueOf(e.getMessage()));
        }
    }
}
