package dev.signet.platform.driver.websdk;

import dev.signet.platform.driver.JoinRequest;
import dev.signet.platform.driver.MeetingDriver;
import dev.signet.platform.driver.MeetingSession;
import dev.signet.platform.time.Pause;
import java.net.URI;
import java.time.Clock;

/**
 * The {@code websdk} meeting driver: each join attempt runs Zoom's Meeting SDK for Web (client view) in its own
 * headless Chromium, on a local join page served by this driver's loopback server.
 *
 * <p>{@link #close()} stops the page server and quits every browser still running, so no Chromium outlives the
 * platform.
 */
public final class WebSdkDriver implements MeetingDriver, AutoCloseable {
    private final WebSdkSettings settings;
    private final Clock clock;
    private final Pause pause;
    private final JoinPageServer server;
    private final Browsers browsers;

    public WebSdkDriver(WebSdkSettings settings, Clock clock, Pause pause) {
        this.settings = settings;
        this.clock = clock;
        this.pause = pause;
        this.server = new JoinPageServer(settings.sdk(), settings.crossOriginIsolation());
        this.browsers = new Browsers(settings);
    }

    /** Starts the attempt's session; its browser starts on the session's first {@link MeetingSession#next} call. */
    @Override
    public MeetingSession join(JoinRequest request) {
        return new WebSdkSession(request, settings, browsers, server.pageUrl(), clock, pause);
    }

    /** The join page's loopback URL (it carries no credential). */
    public URI pageUrl() {
        return server.pageUrl();
    }

    /** How many browsers run now. */
    public int liveBrowsers() {
        return browsers.live();
    }

    @Override
    public void close() {
        try {
            browsers.close();
        } finally {
            server.close();
        }
    }
}
