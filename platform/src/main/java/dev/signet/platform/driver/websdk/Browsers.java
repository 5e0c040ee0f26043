package dev.signet.platform.driver.websdk;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.openqa.selenium.PageLoadStrategy;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Starts one isolated headless Chromium per bot, offline: Debian's binaries are named explicitly so Selenium Manager
 * never runs. Tracks every live browser so that {@link #close()} leaves no Chromium behind.
 */
final class Browsers implements AutoCloseable {
    private final WebSdkSettings settings;
    private final Set<Browser> live = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** Also sweeps the profiles left by a platform that died without quitting its browsers ({@link ProfileSweep}). */
    Browsers(WebSdkSettings settings) {
        this.settings = settings;
        ProfileSweep.sweep(settings.profiles());
    }

    /** The Chromium flags a browser gets (base flags, sandbox off when root, the settings' extra flags). */
    List<String> arguments(Path profile) {
        List<String> args = new ArrayList<>(WebSdkSettings.BASE_ARGS);
        if ("root".equals(System.getProperty("user.name"))) {
            args.add("--no-sandbox");
        }
        args.add("--user-data-dir=" + profile);
        args.addAll(settings.extraArgs());
        return args;
    }

    /** Starts a browser; throws {@link WebDriverException} when Chromium or chromedriver cannot start. */
    Browser start() {
        if (closed) {
            throw new IllegalStateException("the websdk driver is closed");
        }
        Path profile = newProfile();
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(settings.chromedriver().toFile())
                .usingAnyFreePort()
                .withEnvironment(Map.of("SE_OFFLINE", "true"))
                .withLogOutput(OutputStream.nullOutputStream())
                .withTimeout(Duration.ofSeconds(20))
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(settings.chromium().toFile());
        options.addArguments(arguments(profile));
        // EAGER: navigation returns at DOMContentLoaded, when the page's synchronous SDK scripts have run; a
        // subresource
        // the SDK adds later (fonts, CSS from Zoom's CDN) must not hold the join back.
        options.setPageLoadStrategy(PageLoadStrategy.EAGER);
        options.setPageLoadTimeout(settings.sdkLoadTimeout());
        options.setScriptTimeout(settings.sdkLoadTimeout());
        ChromeDriver driver;
        try {
            driver = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            service.stop();
            try {
                Browser.deleteTree(profile);
            } catch (UncheckedIOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        Browser browser = new Browser(driver, service, profile, live::remove);
        live.add(browser);
        if (closed) {
            browser.quit();
            throw new IllegalStateException("the websdk driver is closed");
        }
        return browser;
    }

    /** How many browsers run now. */
    int live() {
        return live.size();
    }

    private Path newProfile() {
        try {
            Files.createDirectories(settings.profiles());
            Path profile = Files.createTempDirectory(settings.profiles(), ProfileSweep.PREFIX);
            ProfileSweep.claim(profile);
            return profile;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a browser profile under " + settings.profiles(), e);
        }
    }

    /** Quits every live browser. */
    @Override
    public void close() {
        closed = true;
        for (Browser browser : List.copyOf(live)) {
            browser.quit();
        }
    }
}
