package dev.signet.platform.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.platform.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Writes a screenshot of each dashboard page into {@code docs/dashboard/} (laptop width, plus the bot list on a
 * phone). Not part of the test run: it runs only when asked for, from the repository root:
 *
 * <pre>{@code
 * mvn -o verify -pl platform -Dtest=DashboardScreenshots -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dsignet.screenshots=$PWD/docs/dashboard
 * }</pre>
 */
@Timeout(180)
class DashboardScreenshots {
    @TempDir
    Path dir;

    @Test
    void writeScreenshots() throws Exception {
        String target = System.getProperty("signet.screenshots");
        Assumptions.assumeTrue(target != null && !target.isBlank(), "set -Dsignet.screenshots=<dir> to write them");
        Path out = Path.of(target);
        Files.createDirectories(out);
        try (DashboardHarness h =
                new DashboardHarness(TestDatabase.h2(dir).jdbcUrl(), Clock.systemUTC(), DashboardSettings.DEFAULTS)) {
            String live = DashboardBrowserTest.createBot(
                    h.baseUrl(),
                    "{\"meeting_url\":\"https://zoom.us/j/85746065432?pwd=abc.1\",\"bot_name\":\"Sales standup notes\","
                            + "\"metadata\":{\"team\":\"sales\"},\"zoom\":{\"zak_url\":"
                            + "\"http://127.0.0.1:9/zak?token=secret\"}}");
            String waiting = DashboardBrowserTest.createBot(
                    h.baseUrl(),
                    "{\"meeting_url\":\"https://acme.zoom.us/j/93412345678\",\"bot_name\":\"Design review\","
                            + "\"metadata\":{\"team\":\"design\"}}");
            String fatal = DashboardBrowserTest.createBot(
                    h.baseUrl(), "{\"meeting_url\":\"https://zoom.us/j/81234567890\",\"bot_name\":\"Board meeting\"}");
            DashboardBrowserTest.createBot(
                    h.baseUrl(),
                    "{\"meeting_url\":\"https://zoom.us/j/81234567891\",\"bot_name\":\"Tomorrow's all-hands\","
                            + "\"join_at\":\"" + Instant.now().plusSeconds(86_400) + "\"}");
            Instant now = Instant.now();
            h.status(UUID.fromString(live), "joining_call", null, null, now.minusSeconds(300));
            h.status(UUID.fromString(live), "in_call_not_recording", null, null, now.minusSeconds(290));
            h.status(UUID.fromString(waiting), "joining_call", null, null, now.minusSeconds(60));
            h.status(
                    UUID.fromString(waiting),
                    "in_waiting_room",
                    "waiting_for_host",
                    "The meeting has not started.",
                    now.minusSeconds(55));
            h.status(UUID.fromString(fatal), "joining_call", null, null, now.minusSeconds(3600));
            h.status(
                    UUID.fromString(fatal),
                    "fatal",
                    "meeting_requires_sign_in",
                    "Sign In Required: this meeting is for authorized participants only.",
                    now.minusSeconds(3590));
            h.jdbi()
                    .useHandle(x -> x.createUpdate("""
                            INSERT INTO webhook_deliveries (id, bot_id, event, endpoint, payload, status, attempts,
                                next_attempt_at, last_error, created_at, updated_at)
                            VALUES ('msg_screenshot_1', :bot, 'bot.fatal', 'https://hooks.example.com/signet?key=x',
                                '{}', 'failed', 8, :at, 'HTTP 503', :at, :at)
                            """)
                            .bind("bot", UUID.fromString(fatal))
                            .bind("at", now.minusSeconds(1800).atOffset(ZoneOffset.UTC))
                            .execute());
            ChromeDriver laptop = Chromium.start(dir.resolve("laptop"), 1280, 860);
            try {
                String base = h.baseUrl().toString();
                laptop.get(base + "/sign-in");
                shot(laptop, out, "sign-in");
                laptop.findElement(By.id("api_key")).sendKeys(DashboardHarness.KEY);
                laptop.findElement(By.cssSelector("form[action='/sign-in'] button"))
                        .click();
                for (var page : List.of(
                        List.of("bots", "/bots"),
                        List.of("bot", "/bots/" + live),
                        List.of("bot-fatal", "/bots/" + fatal),
                        List.of("new-bot", "/bots/new"),
                        List.of("webhooks", "/webhooks"))) {
                    laptop.get(base + page.get(1));
                    shot(laptop, out, page.get(0));
                }
                laptop.get(base + "/bots/new");
                laptop.findElement(By.id("meeting_url")).sendKeys("https://example.com/not-zoom");
                laptop.findElement(By.id("join_at")).sendKeys("tomorrow");
                laptop.findElement(By.cssSelector("form.form button[type=submit]"))
                        .click();
                shot(laptop, out, "new-bot-errors");
            } finally {
                laptop.quit();
            }
            ChromeDriver phone = Chromium.start(dir.resolve("phone"), 390, 844);
            try {
                String base = h.baseUrl().toString();
                phone.get(base + "/sign-in");
                phone.findElement(By.id("api_key")).sendKeys(DashboardHarness.KEY);
                phone.findElement(By.cssSelector("form[action='/sign-in'] button"))
                        .click();
                phone.get(base + "/bots");
                shot(phone, out, "bots-phone");
            } finally {
                phone.quit();
            }
        }
        assertThat(out.resolve("bots.png")).exists();
    }

    private static void shot(ChromeDriver browser, Path out, String name) throws Exception {
        Files.write(out.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }
}
