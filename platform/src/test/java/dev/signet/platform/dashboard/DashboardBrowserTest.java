package dev.signet.platform.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.signet.platform.TestDatabase;
import dev.signet.testkit.MutableClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/** The dashboard in Debian's headless Chromium: what a person signing in and clicking around sees. */
@Timeout(120)
class DashboardBrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final MutableClock clock = MutableClock.at(Instant.parse("2026-12-01T10:00:00Z"));
    private static @Nullable Path dir;
    private static @Nullable DashboardHarness harness;
    private static @Nullable ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("signet-dashboard-test");
        harness = new DashboardHarness(
                TestDatabase.h2(dir).jdbcUrl(),
                clock,
                DashboardSettings.DEFAULTS.withSessionLifetime(Duration.ofHours(12)));
        browser = Chromium.start(dir.resolve("profile"), 1280, 900);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (harness != null) {
            harness.close();
        }
    }

    @BeforeEach
    void signedOut() {
        browser().manage().deleteAllCookies();
    }

    private static ChromeDriver browser() {
        assertThat(browser).isNotNull();
        return java.util.Objects.requireNonNull(browser);
    }

    private static DashboardHarness harness() {
        return java.util.Objects.requireNonNull(harness);
    }

    private static void open(String path) {
        browser().get(harness().baseUrl().resolve(path).toString());
    }

    private static WebElement find(String css) {
        return browser().findElement(By.cssSelector(css));
    }

    private static void signIn() {
        open("/sign-in");
        find("#api_key").sendKeys(DashboardHarness.KEY);
        find("form[action='/sign-in'] button[type=submit]").click();
        await().atMost(WAIT).until(() -> browser().getCurrentUrl().endsWith("/bots"));
    }

    static String createBot(URI base, String json) throws Exception {
        HttpResponse<String> created = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(base.resolve("/api/v1/bot/"))
                                .header("Authorization", "Token " + DashboardHarness.KEY)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(json))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Matcher m = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(created.body());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @Test
    void signIn_thenSignOut_endsTheSession() {
        open("/bots");
        assertThat(browser().getCurrentUrl()).endsWith("/sign-in");
        signIn();
        assertThat(find("h1").getText()).isEqualTo("Bots");
        find("form.sign-out button").click();
        await().atMost(WAIT).until(() -> browser().getCurrentUrl().contains("/sign-in"));
        assertThat(find(".notice").getText()).contains("signed out");
        open("/bots");
        assertThat(browser().getCurrentUrl()).contains("/sign-in");
    }

    @Test
    void wrongKey_staysOnSignIn_withAMessage() {
        open("/sign-in");
        find("#api_key").sendKeys("not-the-key");
        find("form[action='/sign-in'] button[type=submit]").click();
        await().atMost(WAIT)
                .until(() -> !browser().findElements(By.id("key-error")).isEmpty());
        assertThat(find("#key-error").getText()).contains("not one of this platform's keys");
        assertThat(browser().getPageSource()).doesNotContain("not-the-key");
    }

    @Test
    void statusChange_appearsInTheOpenList_withoutReload() throws Exception {
        String id = createBot(
                harness().baseUrl(), "{\"meeting_url\":\"https://zoom.us/j/85746065432\",\"bot_name\":\"Live\"}");
        signIn();
        String row = "tr[data-bot-id='" + id + "'] [data-badge]";
        assertThat(find(row).getText()).isEqualTo("Ready");
        ((JavascriptExecutor) browser()).executeScript("window.signetMarker = 'same page';");
        await().atMost(WAIT).until(() -> "open".equals(find("body").getAttribute("data-live")));

        harness()
                .status(
                        UUID.fromString(id),
                        "joining_call",
                        null,
                        null,
                        clock.instant().plusSeconds(1));
        await().atMost(WAIT).until(() -> find(row).getText().equals("Joining"));
        harness()
                .status(
                        UUID.fromString(id),
                        "in_call_not_recording",
                        null,
                        null,
                        clock.instant().plusSeconds(2));
        await().atMost(WAIT).until(() -> find(row).getText().equals("In call"));

        assertThat(find(row).getAttribute("class")).contains("tone-live");
        assertThat(((JavascriptExecutor) browser()).executeScript("return window.signetMarker;"))
                .as("the page was not reloaded")
                .isEqualTo("same page");
    }

    @Test
    void badCreate_showsFieldErrors_andForgetsTokenUrls() {
        signIn();
        open("/bots/new");
        find("#meeting_url").sendKeys("https://example.com/not-a-meeting");
        find("#bot_name").sendKeys("Kept name");
        find("#join_at").sendKeys("tomorrow");
        find("#zak_url").sendKeys("http://127.0.0.1:9/zak?token=typed-secret-7");
        find("form.form button[type=submit]").click();
        await().atMost(WAIT)
                .until(() -> !browser().findElements(By.id("err-meeting_url")).isEmpty());

        assertThat(find("#err-meeting_url").getText()).isNotBlank();
        assertThat(find("#err-join_at").getText()).contains("ISO-8601");
        assertThat(find("#meeting_url").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(find("#meeting_url").getDomProperty("value")).isEqualTo("https://example.com/not-a-meeting");
        assertThat(find("#bot_name").getDomProperty("value")).isEqualTo("Kept name");
        assertThat(find("#zak_url").getDomProperty("value")).isEmpty();
        assertThat(browser().getPageSource()).doesNotContain("typed-secret-7");
    }

    @Test
    void goodCreate_opensTheNewBot() {
        signIn();
        open("/bots/new");
        find("#meeting_url").sendKeys("https://zoom.us/j/85746065432?pwd=abc.1");
        find("#bot_name").sendKeys("Created in the browser");
        find("#metadata").sendKeys("team=sales");
        find("form.form button[type=submit]").click();
        await().atMost(WAIT).until(() -> browser().getCurrentUrl().contains("notice=created"));
        assertThat(find("h1").getText()).isEqualTo("Created in the browser");
        assertThat(browser().getPageSource()).contains("team");
    }

    @Test
    void leave_asksTheBotToLeave() throws Exception {
        String id = createBot(
                harness().baseUrl(), "{\"meeting_url\":\"https://zoom.us/j/85746065432\",\"bot_name\":\"Leaver\"}");
        harness()
                .status(
                        UUID.fromString(id),
                        "in_call_not_recording",
                        null,
                        null,
                        clock.instant().plusSeconds(1));
        harness().control.active.add(UUID.fromString(id));
        signIn();
        open("/bots/" + id);
        find("form[action$='/leave'] button").click();
        await().atMost(WAIT).until(() -> browser().getCurrentUrl().contains("notice=left"));
        assertThat(find(".notice").getText()).contains("asked to leave");
        assertThat(harness().control.leaveRequests).contains(UUID.fromString(id));
    }

    @Test
    void replay_requeuesAFailedDelivery() {
        String deliveryId = "msg_browser_replay_" + UUID.randomUUID();
        harness()
                .jdbi()
                .useHandle(h -> h.createUpdate("""
                        INSERT INTO webhook_deliveries (id, bot_id, event, endpoint, payload, status, attempts,
                            next_attempt_at, last_error, created_at, updated_at)
                        VALUES (:id, NULL, 'bot.fatal', 'https://hooks.example.com/in?key=hook-secret-9', '{}',
                            'failed', 8, :at, 'HTTP 500', :at, :at)
                        """)
                        .bind("id", deliveryId)
                        .bind("at", clock.instant().atOffset(ZoneOffset.UTC))
                        .execute());
        signIn();
        open("/webhooks");
        assertThat(browser().getPageSource()).doesNotContain("hook-secret-9");
        find("tr[data-delivery-id='" + deliveryId + "'] form button").click();
        await().atMost(WAIT).until(() -> browser().getCurrentUrl().contains("notice=replayed"));
        String status = harness()
                .jdbi()
                .withHandle(h -> h.createQuery("SELECT status FROM webhook_deliveries WHERE id = :id")
                        .bind("id", deliveryId)
                        .mapTo(String.class)
                        .one());
        assertThat(status).isEqualTo("pending");
        assertThat(find("#h-pending").getText()).contains("1");
    }

    @Test
    void formWithoutItsCsrfToken_isRefused() {
        signIn();
        open("/bots/new");
        ((JavascriptExecutor) browser())
                .executeScript("document.querySelector('form.form input[name=csrf]').remove();");
        find("#meeting_url").sendKeys("https://zoom.us/j/85746065432");
        find("#bot_name").sendKeys("Forged");
        find("form.form button[type=submit]").click();
        await().atMost(WAIT).until(() -> find("h1").getText().startsWith("403"));
        open("/bots");
        assertThat(browser().getPageSource()).doesNotContain("Forged");
    }

    @Test
    void expiredSession_goesBackToSignIn() {
        signIn();
        clock.advance(Duration.ofHours(13));
        open("/bots");
        assertThat(browser().getCurrentUrl()).contains("/sign-in");
        assertThat(find(".notice").getText()).contains("session has ended");
    }

    @Test
    void hostileBotName_rendersAsText() throws Exception {
        String name = "<img src=x onerror=\"document.title='pwned'\"><script>document.title='pwned'</script>";
        String id = createBot(
                harness().baseUrl(),
                "{\"meeting_url\":\"https://zoom.us/j/85746065432\",\"bot_name\":\"" + name.replace("\"", "\\\"")
                        + "\",\"metadata\":{\"note\":\"<b>bold</b>\"}}");
        signIn();
        assertThat(find("tr[data-bot-id='" + id + "'] .bot-name").getText()).isEqualTo(name);
        assertThat(browser().findElements(By.cssSelector("main img"))).isEmpty();
        open("/bots/" + id);
        assertThat(find("h1").getText()).isEqualTo(name);
        assertThat(browser().findElements(By.cssSelector("main b"))).isEmpty();
        assertThat(browser().getTitle()).as("no script ran").isEqualTo(name + " · Signet");
    }
}
