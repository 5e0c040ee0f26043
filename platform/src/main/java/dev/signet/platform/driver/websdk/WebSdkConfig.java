package dev.signet.platform.driver.websdk;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@link WebSdkSettings} from {@code SIGNET_*} environment variables; every error names its variable.
 *
 * <ul>
 *   <li>{@code SIGNET_WEBSDK_VERSION}: the Meeting SDK version (default {@value SdkSource#DEFAULT_VERSION})
 *   <li>{@code SIGNET_WEBSDK_BASE_URL}: a base URL laid out like the SDK's {@code dist/} (the emulator's {@code
 *       http://…/sdk/{version}/}); default Zoom's CDN
 *   <li>{@code SIGNET_WEBSDK_ASSETS}: a local {@code dist/} folder the driver serves itself (not with a base URL)
 *   <li>{@code SIGNET_WEBSDK_CROSS_ORIGIN_ISOLATION}: serve the page with COOP/COEP (default false)
 *   <li>{@code SIGNET_WEBSDK_JOIN_TIMEOUT} (default 40s), {@code SIGNET_WEBSDK_SDK_LOAD_TIMEOUT} (default 20s)
 *   <li>{@code SIGNET_CHROMIUM}, {@code SIGNET_CHROMEDRIVER}: the binaries (default Debian's in {@code /usr/bin})
 *   <li>{@code SIGNET_WEBSDK_CHROMIUM_ARGS}: extra Chromium flags separated by {@code |}
 *   <li>{@code SIGNET_WEBSDK_PROFILES}: where temporary browser profiles are made (default the temp folder)
 * </ul>
 */
public final class WebSdkConfig {
    private static final Pattern DURATION = Pattern.compile("([0-9]+)(ms|s|m)");

    private WebSdkConfig() {}

    /** The settings the environment describes. */
    public static WebSdkSettings fromEnvironment(Map<String, String> env) {
        String version = text(env, "SIGNET_WEBSDK_VERSION", SdkSource.DEFAULT_VERSION);
        String baseUrl = optional(env, "SIGNET_WEBSDK_BASE_URL");
        String assets = optional(env, "SIGNET_WEBSDK_ASSETS");
        SdkSource sdk;
        try {
            if (baseUrl != null && assets != null) {
                throw new IllegalArgumentException(
                        "SIGNET_WEBSDK_BASE_URL and SIGNET_WEBSDK_ASSETS exclude each other: set one");
            } else if (baseUrl != null) {
                sdk = new SdkSource.BaseUrl(uri(baseUrl), version);
            } else if (assets != null) {
                SdkSource.LocalAssets local = new SdkSource.LocalAssets(Path.of(assets), version);
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
        Path chromium = Path.of(text(env, "SIGNET_CHROMIUM", defaults.chromium().toString()));
        Path chromedriver =
                Path.of(text(env, "SIGNET_CHROMEDRIVER", defaults.chromedriver().toString()));
        String args = optional(env, "SIGNET_WEBSDK_CHROMIUM_ARGS");
        return new WebSdkSettings(
                chromium,
                chromedriver,
                sdk,
                bool(env, "SIGNET_WEBSDK_CROSS_ORIGIN_ISOLATION"),
                duration(env, "SIGNET_WEBSDK_JOIN_TIMEOUT", defaults.joinWatchdog()),
                duration(env, "SIGNET_WEBSDK_SDK_LOAD_TIMEOUT", defaults.sdkLoadTimeout()),
                defaults.pollInterval(),
                args == null
                        ? List.of()
                        : Arrays.stream(args.split("\\|"))
                                .map(String::strip)
                                .filter(a -> !a.isEmpty())
                                .toList(),
                Path.of(text(env, "SIGNET_WEBSDK_PROFILES", defaults.profiles().toString())));
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

    private static @Nullable String optional(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String text(Map<String, String> env, String name, String fallback) {
        String value = optional(env, name);
        return value == null ? fallback : value;
    }

    private static boolean bool(Map<String, String> env, String name) {
        String value = optional(env, name);
        if (value == null) {
            return false;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "1", "true", "yes" -> true;
            case "0", "false", "no" -> false;
            default -> throw new IllegalArgumentException(name + " must be true or false");
        };
    }

    private static Duration duration(Map<String, String> env, String name, Duration fallback) {
        String value = optional(env, name);
        if (value == null) {
            return fallback;
        }
        Matcher m = DURATION.matcher(value);
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new IllegalArgumentException(name + " must be a positive duration such as 40s, 1500ms or 2m");
        }
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            default -> Duration.ofMinutes(amount);
        };
    }

    private static URI uri(String text) {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("SIGNET_WEBSDK_BASE_URL is not a URL", e);
        }
    }
}
