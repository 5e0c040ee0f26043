package dev.signet.platform.driver.websdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.platform.driver.DriverEvent;
import dev.signet.platform.driver.DriverFailure;
import dev.signet.platform.driver.JoinRequest;
import dev.signet.platform.driver.MeetingParticipant;
import dev.signet.platform.driver.MeetingSession;
import dev.signet.platform.time.Pause;
import dev.signet.secrets.Secret;
import dev.signet.testkit.Services;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The websdk driver in real headless Chromium against a scripted fake SDK served on loopback. */
@Timeout(90)
class WebSdkDriverBrowserTest {
    private static final String SIGNATURE = "eyJhbGciOiJIUzI1NiJ9.eyJhcHBLZXkiOiJrIn0.c2lnbmF0dXJlLXNlY3JldA";
    private static final String ZAK = "zak-secret-value-123";

    private static final List<String> requests = new CopyOnWriteArrayList<>();
    private static final List<String> echoes = new CopyOnWriteArrayList<>();
    private static Javalin fakeZoom;

    @TempDir
    Path profiles;

    private @Nullable WebSdkDriver driver;

    @BeforeAll
    static void startFakeSdkOrigin() {
        String sdk = resource("fake-sdk.js");
        fakeZoom = Javalin.create(config -> {
                    config.startup.showJavalinBanner = false;
                    config.routes.before(ctx -> {
                        requests.add(ctx.method() + " " + ctx.fullUrl());
                        ctx.header("Access-Control-Allow-Origin", "*");
                        ctx.header("Cross-Origin-Resource-Policy", "cross-origin");
                    });
                    config.routes.get(
                            "/fake/{mode}/zoom-meeting-6.2.0.min.js",
                            ctx -> ctx.contentType("application/javascript").result(sdk));
                    config.routes.get(
                            "/fake/{mode}/lib/vendor/<file>",
                            ctx -> ctx.contentType("application/javascript").result("/* vendor */"));
                    config.routes.post("/echo", ctx -> {
                        echoes.add(ctx.body());
                        ctx.status(204);
                    });
                    config.routes.post("/left", ctx -> ctx.status(204));
                })
                .start("127.0.0.1", 0);
    }

    @AfterAll
    static void stopFakeSdkOrigin() {
        fakeZoom.stop();
    }

    @AfterEach
    void closeDriver() {
        if (driver != null) {
            driver.close();
        }
    }

    private WebSdkDriver driver(String mode, Duration watchdog) {
        Services.assumeChromium();
        SdkSource sdk = new SdkSource.BaseUrl(
                URI.create("http://127.0.0.1:" + fakeZoom.port() + "/fake/" + mode + "/"), "6.2.0");
        WebSdkSettings settings = new WebSdkSettings(
                Services.chromium(),
                Services.chromedriver(),
                sdk,
                false,
                watchdog,
                Duration.ofSeconds(20),
                Duration.ofMillis(100),
                List.of(WebSdkSettings.LOOPBACK_ONLY),
                profiles);
        driver = new WebSdkDriver(settings, Clock.systemUTC(), Pause.real());
        return driver;
    }

    private static JoinRequest request() {
        return new JoinRequest(
                "85746065432",
                "pass",
                null,
                "Notetaker",
                0,
                new Secret(ZAK),
                null,
                null,
                null,
                new Secret(SIGNATURE),
                "k");
    }

    private static List<DriverEvent> eventsUntilFinal(MeetingSession session, int max) throws InterruptedException {
        List<DriverEvent> events = new ArrayList<>();
        while (events.size() < max) {
            DriverEvent event = session.next(Duration.ofSeconds(60)).orElseThrow();
            events.add(event);
            if (event.isFinal()) {
                break;
            }
        }
        return events;
    }

    private void assertNoBrowserLeft() throws IOException {
        assertThat(Objects.requireNonNull(driver).liveBrowsers()).isZero();
        try (var left = Files.list(profiles)) {
            assertThat(left).as("profiles left behind").isEmpty();
        }
        String flag = "--user-data-dir=" + profiles;
        assertThat(ProcessHandle.allProcesses()
                        .filter(p -> p.info()
                                .arguments()
                                .map(a -> String.join(" ", a).contains(flag))
                                .orElse(false)))
                .as("chromium processes left behind")
                .isEmpty();
    }

    @Test
    void sdkMissingAtTheBaseUrl_endsWithSdkLoadFailed_andNoBrowserIsLeft() throws Exception {
        WebSdkDriver websdk = driver("nothing-here/x", Duration.ofSeconds(30));
        try (MeetingSession session = websdk.join(request())) {
            DriverEvent event = session.next(Duration.ofSeconds(60)).orElseThrow();

            assertThat(event).isInstanceOfSatisfying(DriverEvent.DriverFailed.class, failed -> {
                assertThat(failed.failure()).isEqualTo(DriverFailure.SDK_LOAD_FAILED);
                assertThat(failed.reason()).contains("zoom-meeting-6.2.0.min.js");
            });
            assertThat(session.next(Duration.ofMillis(10))).isEmpty();
        }
        assertNoBrowserLeft();
    }

    @Test
    void refusal_reachesTheRuntimeAsZoomsCode_andCredentialsTravelOnlyAsScriptArguments() throws Exception {
        echoes.clear();
        requests.clear();
        WebSdkDriver websdk = driver("refuse", Duration.ofSeconds(30));
        try (MeetingSession session = websdk.join(request())) {
            assertThat(eventsUntilFinal(session, 5))
                    .containsExactly(new DriverEvent.JoinRefused(3004, "Meeting Passcode wrong."));
        }
        assertThat(echoes)
                .singleElement()
                .satisfies(body -> assertThat(body)
                        .contains("\"signature\":\"" + SIGNATURE + "\"")
                        .contains("\"zak\":\"" + ZAK + "\"")
                        .contains("\"meetingNumber\":\"85746065432\"")
                        .contains("\"passWord\":\"pass\"")
                        .contains("\"userName\":\"Notetaker\"")
                        .doesNotContain("obfToken"));
        assertThat(requests)
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line).doesNotContain(ZAK).doesNotContain("c2lnbmF0dXJlLXNlY3JldA"));
        assertThat(websdk.pageUrl().toString()).doesNotContain(ZAK);
        assertNoBrowserLeft();
    }

    @Test
    void sdkThatNeverAnswers_endsWithTheDriversJoinTimeout() throws Exception {
        WebSdkDriver websdk = driver("silent", Duration.ofSeconds(2));
        try (MeetingSession session = websdk.join(request())) {
            assertThat(eventsUntilFinal(session, 5))
                    .singleElement()
                    .isInstanceOfSatisfying(
                            DriverEvent.DriverFailed.class,
                            failed -> assertThat(failed.failure()).isEqualTo(DriverFailure.JOIN_TIMEOUT));
        }
        assertNoBrowserLeft();
    }

    @Test
    void sdkWhoseInitNeverCallsBack_endsWithTheJoinTimeoutToo() throws Exception {
        WebSdkDriver websdk = driver("noinit", Duration.ofSeconds(2));
        try (MeetingSession session = websdk.join(request())) {
            assertThat(eventsUntilFinal(session, 5))
                    .singleElement()
                    .isInstanceOfSatisfying(DriverEvent.DriverFailed.class, failed -> {
                        assertThat(failed.failure()).isEqualTo(DriverFailure.JOIN_TIMEOUT);
                        assertThat(failed.reason()).contains("init");
                    });
        }
        assertNoBrowserLeft();
    }

    @Test
    void joined_reportsInMeetingAndParticipants_andClosingTheDriverKillsTheBrowser() throws Exception {
        WebSdkDriver websdk = driver("join", Duration.ofSeconds(30));
        MeetingSession session = websdk.join(request());
        List<DriverEvent> events = new ArrayList<>();
        while (events.size() < 3) {
            events.add(session.next(Duration.ofSeconds(60)).orElseThrow());
        }
        assertThat(events)
                .containsExactly(
                        new DriverEvent.InMeeting(false),
                        new DriverEvent.ParticipantJoined(
                                new MeetingParticipant("1", "Notetaker", null, null, false, false, true)),
                        new DriverEvent.ParticipantJoined(
                                new MeetingParticipant("2", "ann", "ann@acme.example", null, true, true, false)));
        assertThat(websdk.liveBrowsers()).isEqualTo(1);

        websdk.close();

        assertNoBrowserLeft();
        session.close();
    }

    @Test
    void browserKilledInTheMeeting_endsWithCrashed() throws Exception {
        WebSdkDriver websdk = driver("join", Duration.ofSeconds(30));
        try (MeetingSession session = websdk.join(request())) {
            assertThat(session.next(Duration.ofSeconds(60))).contains(new DriverEvent.InMeeting(false));
            String flag = "--user-data-dir=" + profiles;
            ProcessHandle.allProcesses()
                    .filter(p -> p.info()
                            .arguments()
                            .map(a -> List.of(a).stream().anyMatch(x -> x.startsWith(flag)))
                            .orElse(false))
                    .forEach(ProcessHandle::destroyForcibly);

            DriverEvent last = null;
            for (int i = 0; i < 10 && (last == null || !last.isFinal()); i++) {
                last = session.next(Duration.ofSeconds(30)).orElseThrow();
            }
            assertThat(last)
                    .isInstanceOfSatisfying(
                            DriverEvent.DriverFailed.class,
                            failed -> assertThat(failed.failure()).isEqualTo(DriverFailure.CRASHED));
        }
        assertNoBrowserLeft();
    }

    private static String resource(String name) {
        try (InputStream in = Objects.requireNonNull(WebSdkDriverBrowserTest.class.getResourceAsStream(name))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
