package dev.signet.platform.driver.websdk;

import static java.time.temporal.ChronoUnit.SECONDS;

import dev.signet.secrets.settings.Setting;
import dev.signet.secrets.settings.SettingType;
import dev.signet.secrets.settings.SettingValues;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@code websdk} driver's settings ({@code SIGNET_WEBSDK_*}, {@code SIGNET_CHROMIUM}, {@code SIGNET_CHROMEDRIVER}),
 * declared once: {@code PlatformSettings} lists them, and {@link #from} makes {@link WebSdkSettings} of them.
 */
public final class WebSdkConfig {
    private WebSdkConfig() {}

    private static final SettingType<Duration> POSITIVE =
            SettingType.duration(SECONDS).where(d -> !d.isZero(), "must be more than 0");

    public static final Setting<String> VERSION = Setting.of(
            "SIGNET_WEBSDK_VERSION",
            "--websdk-version",
            SettingType.text("VERSION"),
            SdkSource.DEFAULT_VERSION,
            "the Meeting SDK version to load");
    public static final Setting<URI> BASE_URL = Setting.optional(
            "SIGNET_WEBSDK_BASE_URL",
            "--websdk-base-url",
            SettingType.url(),
            "Zoom's CDN (`https://source.zoom.us/{version}/lib`, script"
                    + " `https://source.zoom.us/zoom-meeting-{version}.min.js`)",
            "a base URL laid out like the SDK's `dist/` (`{base}zoom-meeting-{version}.min.js`, `{base}lib/…`)");
    public static final Setting<Path> ASSETS = Setting.optional(
            "SIGNET_WEBSDK_ASSETS",
            "--websdk-assets",
            SettingType.path("DIR"),
            "a local folder holding the SDK's `dist/` (e.g. `node_modules/@zoom/meetingsdk/dist` after `npm install"
                    + " @zoom/meetingsdk@6.2.0`), served by the driver itself with absolute URLs, so the only traffic"
                    + " to Zoom is the meeting; excludes `SIGNET_WEBSDK_BASE_URL`");
    public static final Setting<Boolean> CROSS_ORIGIN_ISOLATION = Setting.of(
            "SIGNET_WEBSDK_CROSS_ORIGIN_ISOLATION",
            "--websdk-cross-origin-isolation",
            SettingType.bool(),
            "false",
            "serve the page with `Cross-Origin-Opener-Policy: same-origin` and `Cross-Origin-Embedder-Policy:"
                    + " require-corp` (enables the SDK's multithreaded media path)");
    public static final Setting<Duration> JOIN_TIMEOUT = Setting.of(
            "SIGNET_WEBSDK_JOIN_TIMEOUT",
            "--websdk-join-timeout",
            POSITIVE,
            "40s",
            "the driver's own watchdog on `init` + `join` (the SDK can hang for ever, or take ≈ 30 s to fail) →"
                    + " `fatal` / `zoom_join_timeout`");
    public static final Setting<Duration> SDK_LOAD_TIMEOUT = Setting.of(
            "SIGNET_WEBSDK_SDK_LOAD_TIMEOUT",
            "--websdk-sdk-load-timeout",
            POSITIVE,
            "20s",
            "how long the page may take to load the SDK → `fatal` / `zoom_sdk_load_failed`");
    public static final Setting<Path> CHROMIUM =
            Setting.of("SIGNET_CHROMIUM", "--chromium", SettingType.path("FILE"), "/usr/bin/chromium", "the browser");
    public static final Setting<Path> CHROMEDRIVER = Setting.of(
            "SIGNET_CHROMEDRIVER",
            "--chromedriver",
            SettingType.path("FILE"),
            "/usr/bin/chromedriver",
            "the browser's WebDriver");
    public static final Setting<List<String>> CHROMIUM_ARGS = Setting.optional(
            "SIGNET_WEBSDK_CHROMIUM_ARGS",
            "--websdk-chromium-args",
            SettingType.of(
                    "ARGS",
                    text -> Arrays.stream(text.split("\\|", -1))
                            .map(String::strip)
                            .filter(a -> !a.isEmpty())
                            .toList()),
            "extra Chromium flags, separated by `|`");
    public static final Setting<Path> PROFILES = Setting.optional(
            "SIGNET_WEBSDK_PROFILES",
            "--websdk-profiles",
            SettingType.path("DIR"),
            "the temp folder",
            "where each bot's throw-away browser profile is made");

    /** Every setting of the driver, in the order of {@code --help}. */
    public static final List<Setting<?>> SETTINGS = List.of(
            VERSION,
            BASE_URL,
            ASSETS,
            CROSS_ORIGIN_ISOLATION,
            JOIN_TIMEOUT,
            SDK_LOAD_TIMEOUT,
            CHROMIUM,
            CHROMEDRIVER,
            CHROMIUM_ARGS,
            PROFILES);

    /** The settings the environment describes; every error names its variable. */
    public static WebSdkSettings fromEnvironment(Map<String, String> env) {
        return from(SettingValues.read(SETTINGS, env));
    }

    /** The driver's settings among {@code values}, which were read with (at least) {@link #SETTINGS}. */
    public static WebSdkSettings from(SettingValues values) {
        String version = values.get(VERSION);
        @Nullable URI baseUrl = values.find(BASE_URL).orElse(null);
        @Nullable Path assets = values.find(ASSETS).orElse(null);
        SdkSource sdk;
        try {
            if (baseUrl != null && assets != null) {
                throw new IllegalArgumentException(
                        "SIGNET_WEBSDK_BASE_URL and SIGNET_WEBSDK_ASSETS exclude each other: set one");
            } else if (baseUrl != null) {
                sdk = new SdkSource.BaseUrl(baseUrl, version);
            } else if (assets != null) {
                SdkSource.LocalAssets local = new SdkSource.LocalAssets(assets, version);
                if (!local.present()) {
                    throw new IllegalArgumentException("SIGNET_WEBSDK_ASSETS must be a folder holding the SDK's dist/"
                            + " (zoom-meeting-" + version + ".min.js not found in " + assets + ")");
                }
                sdk = local;
            } else {
                sdk = new SdkSource.ZoomCdn(version);
            }
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("SIGNET_")) {
                throw e;
            }
            throw new IllegalArgumentException("SIGNET_WEBSDK_*: " + e.getMessage(), e);
        }
        WebSdkSettings defaults = WebSdkSettings.defaults(sdk);
        return new WebSdkSettings(
                values.get(CHROMIUM),
                values.get(CHROMEDRIVER),
                sdk,
                values.get(CROSS_ORIGIN_ISOLATION),
                values.get(JOIN_TIMEOUT),
                values.get(SDK_LOAD_TIMEOUT),
                defaults.pollInterval(),
                values.find(CHROMIUM_ARGS).orElse(List.of()),
                values.find(PROFILES).orElse(defaults.profiles()));
    }

    /** Whether the configured binaries exist, as a message for start-up checks; empty when they do. */
    public static String missingBinaries(WebSdkSettings settings) {
        StringBuilder missing = new StringBuilder();
        for (Path binary : List.of(settings.chromium(), settings.chromedriver())) {
            if (!Files.isExecutable(binary)) {
                missing.append(missing.isEmpty() ? "" : ", ").append(binary);
            }
        }
        return missing.isEmpty()
                ? ""
                : "not executable: " + missing + " (apt-get install chromium chromium-driver, or set SIGNET_CHROMIUM"
                        + " and SIGNET_CHROMEDRIVER)";
    }
}
