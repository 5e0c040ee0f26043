package dev.signet.platform.dashboard;

import dev.signet.testkit.Services;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium through Selenium, offline (named binaries, {@code SE_OFFLINE=true}: Selenium Manager
 * never runs); skipped, or failed under {@code SIGNET_REQUIRE_SERVICES=1}, when Chromium is not installed.
 */
final class Chromium {
    private Chromium() {}

    static ChromeDriver start(Path profile, int width, int height) {
        Services.assumeChromium();
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Services.chromedriver().toFile())
                .usingAnyFreePort()
                .withEnvironment(Map.of("SE_OFFLINE", "true"))
                .withLogOutput(OutputStream.nullOutputStream())
                .withTimeout(Duration.ofSeconds(30))
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(Services.chromium().toFile());
        List<String> args = new ArrayList<>(List.of(
                "--headless=new",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--no-first-run",
                "--no-default-browser-check",
                "--hide-scrollbars",
                "--window-size=" + width + "," + height,
                "--user-data-dir=" + profile));
        if ("root".equals(System.getProperty("user.name"))) {
            args.add("--no-sandbox");
        }
        options.addArguments(args);
        options.setPageLoadTimeout(Duration.ofSeconds(30));
        return new ChromeDriver(service, options);
    }
}
