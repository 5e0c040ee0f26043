package dev.signet.platform.dashboard;

import java.time.Duration;

/**
 * How the dashboard runs.
 *
 * @param enabled whether {@code /} serves the dashboard ({@code SIGNET_DASHBOARD}, on by default)
 * @param sessionLifetime how long a sign-in lasts; then the browser goes back to the sign-in page
 * @param trustForwardedProto whether an {@code X-Forwarded-Proto: https} header marks the request as https (only
 *     behind a proxy that sets it); otherwise the request's own scheme decides whether cookies are {@code Secure}
 * @param signInAttempts sign-in attempts allowed per client address per {@code signInWindow}
 * @param livePollInterval how often an open page's live stream re-reads its bots
 */
public record DashboardSettings(
        boolean enabled,
        Duration sessionLifetime,
        boolean trustForwardedProto,
        int signInAttempts,
        Duration signInWindow,
        Duration livePollInterval) {
    /** On; 12 h sessions; the request scheme decides; 10 sign-ins a minute; live lists re-read every 2 s. */
    public static final DashboardSettings DEFAULTS =
            new DashboardSettings(true, Duration.ofHours(12), false, 10, Duration.ofMinutes(1), Duration.ofSeconds(2));

    public DashboardSettings {
        if (sessionLifetime.isNegative() || sessionLifetime.isZero()) {
            throw new IllegalArgumentException("sessionLifetime must be positive: " + sessionLifetime);
        }
        if (signInAttempts < 1) {
            throw new IllegalArgumentException("signInAttempts must be at least 1: " + signInAttempts);
        }
        if (signInWindow.isNegative() || signInWindow.isZero()) {
            throw new IllegalArgumentException("signInWindow must be positive: " + signInWindow);
        }
        if (livePollInterval.isNegative() || livePollInterval.isZero()) {
            throw new IllegalArgumentException("livePollInterval must be positive: " + livePollInterval);
        }
    }

    public DashboardSettings withEnabled(boolean on) {
        return new DashboardSettings(
                on, sessionLifetime, trustForwardedProto, signInAttempts, signInWindow, livePollInterval);
    }

    public DashboardSettings withSessionLifetime(Duration lifetime) {
        return new DashboardSettings(
                enabled, lifetime, trustForwardedProto, signInAttempts, signInWindow, livePollInterval);
    }

    public DashboardSettings withTrustForwardedProto(boolean trust) {
        return new DashboardSettings(enabled, sessionLifetime, trust, signInAttempts, signInWindow, livePollInterval);
    }

    public DashboardSettings withSignInLimit(int attempts, Duration window) {
        return new DashboardSettings(enabled, sessionLifetime, trustForwardedProto, attempts, window, livePollInterval);
    }

    public DashboardSettings withLivePollInterval(Duration interval) {
        return new DashboardSettings(
                enabled, sessionLifetime, trustForwardedProto, signInAttempts, signInWindow, interval);
    }
}
