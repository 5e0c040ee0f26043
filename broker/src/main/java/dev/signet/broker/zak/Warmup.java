package dev.signet.broker.zak;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start-up: fetches the OAuth token and mints a first ZAK in the background, retrying with exponential back-off (1 s up
 * to 60 s) until Zoom answers, so {@code /readyz} tells whether Zoom answers before the first callback.
 */
public final class Warmup {
    private static final Logger log = LoggerFactory.getLogger(Warmup.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration MAX_RETRY = Duration.ofSeconds(60);

    private final ZakService service;
    private final ZakThreads threads;

    /** Warms {@code service}: the scheduler times the attempts, the mint executor runs them. */
    public Warmup(ZakService service, ZakThreads threads) {
        this.service = service;
        this.threads = threads;
    }

    /** Starts the first attempt now. */
    public void start() {
        schedule(Duration.ZERO, FIRST_RETRY);
    }

    private void schedule(Duration delay, Duration nextDelay) {
        try {
            var _ = threads.scheduler()
                    .schedule(
                            () -> threads.mints().execute(() -> attempt(nextDelay)),
                            delay.toMillis(),
                            TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            log.debug("start-up warming stopped: the broker is closing");
        }
    }

    private void attempt(Duration nextDelay) {
        ZakOutcome outcome = service.warm();
        if (outcome instanceof ZakOutcome.Issued) {
            log.info("Zoom answers: OAuth token and a first ZAK in hand");
            return;
        }
        log.warn(
                "start-up could not mint a first ZAK ({}); retrying in {} s", describe(outcome), nextDelay.toSeconds());
        Duration doubled = nextDelay.multipliedBy(2);
        schedule(nextDelay, doubled.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : doubled);
    }

    private static String describe(ZakOutcome outcome) {
        return switch (outcome) {
            case ZakOutcome.Issued issued -> "issued";
            case ZakOutcome.UnknownUser unknown -> "unknown user";
            case ZakOutcome.Refused refused -> refused.reason();
            case ZakOutcome.RateLimited limited ->
                "rate-limited for " + limited.retryAfter().toSeconds() + " s";
            case ZakOutcome.Failed failed -> failed.reason();
        };
    }
}
