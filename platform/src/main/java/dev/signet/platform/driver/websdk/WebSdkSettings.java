package dev.signet.platform.driver.websdk;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the {@code websdk} driver runs its browsers.
 *
 * @param chromium the Chromium binary (Debian's {@code /usr/bin/chromium})
 * @param chromedriver the chromedriver binary (Debian's {@code /usr/bin/chromedriver}); Selenium Manager never runs
 * @param sdk where the join page loads the Meeting SDK from
 * @param crossOriginIsolation whether the page is served with COOP/COEP (enables the SDK's multithreaded media path)
 * @param joinWatchdog how long the SDK may take to answer a join before the bot ends {@code zoom_join_timeout}
 * @param sdkLoadTimeout how long the page may take to load the SDK before the bot ends {@code zoom_sdk_load_failed}
 * @param pollInterval how often the driver drains the page's event queue
 * @param extraArgs further Chromium flags (tests add {@code --host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1})
 * @param profiles where the per-bot temporary profiles are made (each deleted when its browser quits)
 */
public record WebSdkSettings(
        Path chromium,
        Path chromedriver,
        SdkSource sdk,
        boolean crossOriginIsolation,
        Duration joinWatchdog,
        Duration sdkLoadTimeout,
        Duration pollInterval,
        List<String> extraArgs,
        Path profiles) {
    /** The flags every browser gets: headless, no GPU, shared memory in /tmp, fake media, no background traffic. */
    public static final List<String> BASE_ARGS = List.of(
            "--headless=new",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--use-fake-ui-for-media-stream",
            "--use-fake-device-for-media-stream",
            "--disable-background-networking",
            "--no-first-run",
            "--no-default-browser-check",
            "--mute-audio",
            "--window-size=1280,800");

    /** The flag that keeps a test browser on loopback: every other host resolves to nothing. */
    public static final String LOOPBACK_ONLY = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1";

    public WebSdkSettings {
        Objects.requireNonNull(chromium, "chromium");
        Objects.requireNonNull(chromedriver, "chromedriver");
        Objects.requireNonNull(sdk, "sdk");
        requirePositive(joinWatchdog, "joinWatchdog");
        requirePositive(sdkLoadTimeout, "sdkLoadTimeout");
        requirePositive(pollInterval, "pollInterval");
        extraArgs = List.copyOf(extraArgs);
        Objects.requireNonNull(profiles, "profiles");
    }

    /** Debian's Chromium and chromedriver, the given SDK, no isolation, a 40 s watchdog, 20 s to load the SDK. */
    public static WebSdkSettings defaults(SdkSource sdk) {
        return new WebSdkSettings(
                Path.of("/usr/bin/chromium"),
                Path.of("/usr/bin/chromedriver"),
                sdk,
                false,
                Duration.ofSeconds(40),
                Duration.ofSeconds(20),
                Duration.ofMillis(200),
                List.of(),
                Path.of(System.getProperty("java.io.tmpdir")));
    }

    public WebSdkSettings withSdk(SdkSource value) {
        return new WebSdkSettings(
                chromium,
                chromedriver,
                value,
                crossOriginIsolation,
                joinWatchdog,
                sdkLoadTimeout,
                pollInterval,
                extraArgs,
                profiles);
    }

    public WebSdkSettings withCrossOriginIsolation(boolean value) {
        return new WebSdkSettings(
                chromium, chromedriver, sdk, value, joinWatchdog, sdkLoadTimeout, pollInterval, extraArgs, profiles);
    }

    public WebSdkSettings withJoinWatchdog(Duration value) {
        return new WebSdkSettings(
                chromium,
                chromedriver,
                sdk,
                crossOriginIsolation,
                value,
                sdkLoadTimeout,
                pollInterval,
                extraArgs,
                profiles);
    }

    public WebSdkSettings withSdkLoadTimeout(Duration value) {
        return new WebSdkSettings(
                chromium,
                chromedriver,
                sdk,
                crossOriginIsolation,
                joinWatchdog,
                value,
                pollInterval,
                extraArgs,
                profiles);
    }

    public WebSdkSettings withExtraArgs(List<String> value) {
        return new WebSdkSettings(
                chromium,
                chromedriver,
                sdk,
                crossOriginIsolation,
                joinWatchdog,
                sdkLoadTimeout,
                pollInterval,
                value,
                profiles);
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
