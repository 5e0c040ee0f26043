package dev.signet.broker.grants;

import dev.signet.zoom.ZoomException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps idle grants alive: Zoom's refresh tokens expire after about 90 days unused, so grants whose refresh token was
 * last rotated longer ago than {@code refreshAfter} are refreshed, checked every {@code interval}. Each refresh takes
 * the same single-flight path as a mint, so replicas checking at once never burn a grant.
 */
public final class IdleRefresh {
    private static final Logger log = LoggerFactory.getLogger(IdleRefresh.class);
    private static final int BATCH = 500;

    private final GrantService grants;
    private final Duration refreshAfter;
    private final Clock clock;

    public IdleRefresh(GrantService grants, Duration refreshAfter, Clock clock) {
        this.grants = grants;
        this.refreshAfter = refreshAfter;
        this.clock = clock;
    }

    /** Checks every {@code interval} on {@code scheduler}, the first time after one interval. */
    public ScheduledFuture<?> start(ScheduledExecutorService scheduler, Duration interval) {
        return scheduler.scheduleWithFixedDelay(
                this::runSafely, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void runSafely() {
        try {
            run();
        } catch (RuntimeException e) {
            log.warn("checking idle grants failed: {}", e.getMessage());
        }
    }

    /** Refreshes every idle grant once; returns how many were refreshed. */
    public int run() {
        Instant cutoff = clock.instant().minus(refreshAfter);
        List<String> idle = grants.idleSince(cutoff, BATCH);
        int refreshed = 0;
        for (String userId : idle) {
            try {
                if (grants.refreshIfIdle(userId, cutoff) instanceof GrantAccess.Ready) {
                    refreshed++;
                }
            } catch (ZoomException e) {
                log.warn("refreshing the idle grant of Zoom user {} failed: {}", userId, e.getMessage());
            }
        }
        if (!idle.isEmpty()) {
            log.info("refreshed {} of {} idle grant(s)", refreshed, idle.size());
        }
        return refreshed;
    }
}
