package dev.signet.platform.driver.websdk;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where the join page loads the Meeting SDK for Web from: Zoom's CDN, a base URL laid out like the SDK's {@code
 * dist/} folder (the emulator's stand-in, a mirror), or a local {@code dist/} folder that the page server serves.
 */
public sealed interface SdkSource {
    /** The SDK version Signet is tested with. */
    String DEFAULT_VERSION = "6.2.0";

    /** The path under which the page server serves {@link LocalAssets}. */
    String ASSETS_PATH = "/websdk/sdk/";

    /** The SDK's version, as in {@code zoom-meeting-{version}.min.js}. */
    String version();

    /** The client view's script URL (absolute, or a path on the page server). */
    default String scriptUrl() {
        return base() + "zoom-meeting-" + version() + ".min.js";
    }

    /** The folder URL holding {@code vendor/}, {@code av/}, {@code lang/}: what {@code ZoomMtg.setZoomJSLib} gets. */
    default String libUrl() {
        return base() + "lib";
    }

    /** The vendor script URL for {@code name} ({@code react}, {@code lodash}, …). */
    default String vendorUrl(String name) {
        return libUrl() + "/vendor/" + name + ".min.js";
    }

    /** The {@code dist/}-like base, ending in a slash. */
    String base();

    /** Zoom's CDN: vendor and {@code lib/} under {@code https://source.zoom.us/{version}/}, the script at the root. */
    record ZoomCdn(String version) implements SdkSource {
        public ZoomCdn {
            requireVersion(version);
        }

        @Override
        public String base() {
            return "https://source.zoom.us/" + version + "/";
        }

        @Override
        public String scriptUrl() {
            return "https://source.zoom.us/zoom-meeting-" + version + ".min.js";
        }
    }

    /** A base URL laid out like {@code dist/}: {@code {base}zoom-meeting-{version}.min.js}, {@code {base}lib/…}. */
    record BaseUrl(URI url, String version) implements SdkSource {
        public BaseUrl {
            Objects.requireNonNull(url, "url");
            requireVersion(version);
            if (!url.isAbsolute()
                    || !(url.getScheme().equals("http") || url.getScheme().equals("https"))) {
                throw new IllegalArgumentException("SDK base URL must be an absolute http(s) URL: " + url);
            }
        }

        @Override
        public String base() {
            String text = url.toString();
            return text.endsWith("/") ? text : text + "/";
        }
    }

    /** A local copy of the SDK's {@code dist/} (e.g. from {@code npm install @zoom/meetingsdk}), served by the page server. */
    record LocalAssets(Path dist, String version) implements SdkSource {
        public LocalAssets {
            Objects.requireNonNull(dist, "dist");
            requireVersion(version);
        }

        @Override
        public String base() {
            return ASSETS_PATH;
        }

        /** Whether the folder holds this version's client view. */
        public boolean present() {
            return Files.isRegularFile(dist.resolve("zoom-meeting-" + version + ".min.js"));
        }
    }

    private static void requireVersion(String version) {
        Objects.requireNonNull(version, "version");
        if (!Pattern.matches("[0-9A-Za-z._-]{1,40}", version)) {
            throw new IllegalArgumentException("SDK version is not a version: " + version);
        }
    }
}
