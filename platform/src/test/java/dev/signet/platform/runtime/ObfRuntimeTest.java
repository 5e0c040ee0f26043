package dev.signet.platform.runtime;

import static dev.signet.platform.runtime.ScriptedDriver.emit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.signet.platform.driver.DriverEvent;
import dev.signet.platform.driver.JoinRequest;
import dev.signet.secrets.Secret;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The runtime with OBF tokens, join tokens and user emails (issue 8): fetch, present, wait, fail. */
@Timeout(30)
class ObfRuntimeTest {
    private static final DriverEvent IN_MEETING = new DriverEvent.InMeeting(false);
    private static final DriverEvent USER_ABSENT = new DriverEvent.JoinRefused(4017, "authorized user not in meeting");
    /** A 60 s waiting-room timeout: with the fixture's 10 s OBF retry interval, six attempts. */
    private static final AutomaticLeave WAIT_60S =
            new AutomaticLeave(Duration.ofSeconds(60), Duration.ofSeconds(1200), Duration.ofSeconds(2), Duration.ZERO);

    private RuntimeFixture f;
    private final AtomicInteger obfs = new AtomicInteger();
    private final List<RecordedRequest> fetches = new CopyOnWriteArrayList<>();
    private volatile int joinTokenStatus = 200;
    private volatile int obfStatus = 200;
    private volatile int obfFetchesAllowed = Integer.MAX_VALUE;

    @BeforeEach
    void setUp() throws Exception {
        f = new RuntimeFixture();
        f.tokenServer.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                fetches.add(request);
                String path = Objects.requireNonNull(request.getUrl()).encodedPath();
                if (path.equals("/obf")) {
                    return obfStatus == 200 && obfs.get() < obfFetchesAllowed
                            ? ok("obf-" + obfs.incrementAndGet())
                            : new MockResponse.Builder()
                                    .code(obfStatus == 200 ? 404 : obfStatus)
                                    .build();
                }
                if (path.equals("/join")) {
                    return joinTokenStatus == 200
                            ? ok("join-token-1")
                            : new MockResponse.Builder().code(joinTokenStatus).build();
                }
                return ok("zak-1");
            }
        });
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    private static MockResponse ok(String body) {
        return new MockResponse.Builder().code(200).body(body).build();
    }

    private RunnableBot obfBot(AutomaticLeave leave) {
        return f.bot(new JoinCredentials(null, f.tokenUrl("/obf"), null, "bot@acme.example"), leave);
    }

    private List<String> runToEnd(RunnableBot bot) {
        f.runtime.start();
        f.runtime.wake();
        await().until(() -> f.store.isFinal(bot.id()));
        return f.store.statuses(bot.id());
    }

    private static @Nullable String reveal(@Nullable Secret secret) {
        return secret == null ? null : secret.reveal();
    }

    @Test
    void obfBot_fetchesWithMeetingAndBotIdAndPresentsObfTokenNeverAZak() {
        RunnableBot bot = obfBot(AutomaticLeave.DEFAULTS);
        f.driver.then(emit(IN_MEETING), emit(new DriverEvent.MeetingEnded()));

        assertThat(runToEnd(bot))
                .containsExactly("joining_call", "in_call_not_recording", "call_ended/call_ended_by_host", "done");

        JoinRequest request = f.driver.requests.getFirst();
        assertThat(reveal(request.obfToken())).isEqualTo("obf-1");
        assertThat(request.zak()).isNull();
        assertThat(request.role()).isZero();
        assertThat(request.userEmail()).isEqualTo("bot@acme.example");
        RecordedRequest fetch = fetches.getFirst();
        assertThat(fetch.getUrl().queryParameter("token")).isEqualTo("query-secret");
        assertThat(fetch.getUrl().queryParameter("meeting_id")).isEqualTo("81234567890");
        assertThat(fetch.getUrl().queryParameter("bot_id")).isEqualTo(bot.id().toString());
        assertThat(f.counter(RuntimeMetrics.TOKEN_FETCHES, "obf", "fetched")).isEqualTo(1);
    }

    @Test
    void obfBot_userAbsent_waitsThenJoinsWithAFreshTokenEachAttempt() {
        RunnableBot bot = obfBot(AutomaticLeave.DEFAULTS);
        f.driver
                .then(emit(USER_ABSENT))
                .then(emit(USER_ABSENT))
                .then(emit(IN_MEETING), emit(new DriverEvent.AuthorizedUserLeft()));

        assertThat(runToEnd(bot))
                .containsExactly(
                        "joining_call",
                        "in_waiting_room/waiting_for_authorized_user",
                        "in_call_not_recording",
                        "call_ended/authorized_user_left",
                        "done");
        assertThat(f.driver.requests).extracting(r -> reveal(r.obfToken())).containsExactly("obf-1", "obf-2", "obf-3");
        assertThat(f.driver.sessions.get(0).left).isTrue();
    }

    @Test
    void obfBot_userNeverArrives_retriesEveryIntervalThenFatalAtWaitingRoomTimeout() {
        RunnableBot bot = obfBot(WAIT_60S);
        f.driver.otherwise(emit(USER_ABSENT));

        assertThat(runToEnd(bot))
                .containsExactly(
                        "joining_call",
                        "in_waiting_room/waiting_for_authorized_user",
                        "fatal/zoom_obf_user_not_in_meeting");
        // One attempt at 0 s, then one per 10 s retry interval within the 60 s timeout: 6 mints in all.
        assertThat(f.driver.requests).hasSize(6);
        assertThat(f.store.last(bot.id()).message()).contains("waiting_room_timeout");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "3636|Bot cannot join meeting: owner is not in the meeting|in_waiting_room/waiting_for_authorized_user",
                "1|Fail to join the meeting.|in_waiting_room/waiting_for_authorized_user",
                "4017|authorized user not in meeting|in_waiting_room/waiting_for_authorized_user",
                "3636|OBF error|fatal/zoom_invalid_obf_token",
                "4014|The OBF token is invalid or has already been used.|fatal/zoom_invalid_obf_token",
                "4015|The OBF token was issued for another meeting.|fatal/zoom_invalid_obf_token",
                "4012|Apps must present a ZAK or an OBF token|fatal/zoom_invalid_obf_token"
            })
    void obfBot_refusal_mapsAsTheRealSdkAnswers(int code, String reason, String second) {
        RunnableBot bot = obfBot(AutomaticLeave.DEFAULTS);
        f.driver.then(emit(new DriverEvent.JoinRefused(code, reason))).otherwise(emit(IN_MEETING));
        f.runtime.start();
        f.runtime.wake();
        await().until(() -> f.store.statuses(bot.id()).size() >= 2);

        assertThat(f.store.statuses(bot.id()).get(1)).isEqualTo(second);
    }

    @Test
    void obfBot_fetchFails_isFatalObfFetchFailedAndNeverJoins() {
        obfStatus = 403;
        RunnableBot bot = obfBot(AutomaticLeave.DEFAULTS);

        assertThat(runToEnd(bot)).containsExactly("joining_call", "fatal/zoom_obf_token_fetch_failed");
        assertThat(f.store.last(bot.id()).message())
                .contains("obf_token_url")
                .contains("403")
                .doesNotContain("query-secret");
        assertThat(f.driver.requests).isEmpty();
    }

    @Test
    void obfBot_fetchFailsWhileWaiting_isFatalObfFetchFailed() {
        obfFetchesAllowed = 1;
        obfStatus = 200;
        RunnableBot bot = obfBot(AutomaticLeave.DEFAULTS);
        f.driver.otherwise(emit(USER_ABSENT));

        assertThat(runToEnd(bot))
                .containsExactly(
                        "joining_call",
                        "in_waiting_room/waiting_for_authorized_user",
                        "fatal/zoom_obf_token_fetch_failed");
        assertThat(f.driver.requests).hasSize(1);
    }

    @Test
    void joinTokenUrl_200_passesRecordingTokenWithTheMeetingAppended() {
        RunnableBot bot = f.bot(new JoinCredentials(null, null, f.tokenUrl("/join"), null), AutomaticLeave.DEFAULTS);
        f.driver.then(emit(IN_MEETING), emit(new DriverEvent.MeetingEnded()));

        runToEnd(bot);

        assertThat(reveal(f.driver.requests.getFirst().recordingToken())).isEqualTo("join-token-1");
        assertThat(fetches.getFirst().getUrl().queryParameter("meeting_id")).isEqualTo("81234567890");
        assertThat(fetches.getFirst().getUrl().queryParameter("bot_id"))
                .isEqualTo(bot.id().toString());
    }

    @Test
    void joinTokenUrl_404_meansNoTokenAndTheBotJoins() {
        joinTokenStatus = 404;
        RunnableBot bot = f.bot(
                new JoinCredentials(null, f.tokenUrl("/obf"), f.tokenUrl("/join"), null), AutomaticLeave.DEFAULTS);
        f.driver.then(emit(IN_MEETING), emit(new DriverEvent.MeetingEnded()));

        assertThat(runToEnd(bot)).contains("in_call_not_recording");
        JoinRequest request = f.driver.requests.getFirst();
        assertThat(request.recordingToken()).isNull();
        assertThat(reveal(request.obfToken())).isEqualTo("obf-1");
    }

    @Test
    void joinTokenUrl_otherFailure_isFatalJoinTokenFetchFailed() {
        joinTokenStatus = 401;
        RunnableBot bot = f.bot(new JoinCredentials(null, null, f.tokenUrl("/join"), null), AutomaticLeave.DEFAULTS);

        assertThat(runToEnd(bot)).containsExactly("joining_call", "fatal/zoom_join_token_fetch_failed");
        assertThat(f.store.last(bot.id()).message()).contains("join_token_url").contains("401");
        assertThat(f.driver.requests).isEmpty();
    }

    @Test
    void storedBotWithBothUrls_isFatalBotErroredWithoutFetchingOrJoining() {
        RunnableBot bot =
                f.bot(new JoinCredentials(f.tokenUrl("/zak"), f.tokenUrl("/obf"), null, null), AutomaticLeave.DEFAULTS);

        assertThat(runToEnd(bot)).containsExactly("joining_call", "fatal/bot_errored");
        assertThat(f.store.last(bot.id()).message()).contains("both");
        assertThat(fetches).isEmpty();
        assertThat(f.driver.requests).isEmpty();
    }

    @Test
    void restartWhileWaitingForTheUser_resumesWaitingWithAFreshToken() {
        RunnableBot bot = obfBot(AutomaticLeave.DEFAULTS);
        // The second attempt hangs (no answer) so the platform can stop while the bot waits for its user.
        f.driver.then(emit(USER_ABSENT)).then().then(emit(USER_ABSENT)).then(emit(IN_MEETING));
        f.runtime.start();
        f.runtime.wake();
        await().until(() -> f.driver.requests.size() == 2);
        f.runtime.close();
        assertThat(f.store.last(bot.id()).code()).isEqualTo("in_waiting_room"); // kept for the next start

        try (BotRuntime restarted = f.newRuntime()) {
            restarted.start();
            await().until(() -> f.store.statuses(bot.id()).contains("in_call_not_recording"));
        }

        assertThat(f.store.statuses(bot.id()))
                .containsExactly(
                        "joining_call",
                        "in_waiting_room/waiting_for_authorized_user",
                        "joining_call",
                        "in_waiting_room/waiting_for_authorized_user",
                        "in_call_not_recording");
        assertThat(f.driver.requests)
                .extracting(r -> reveal(r.obfToken()))
                .containsExactly("obf-1", "obf-2", "obf-3", "obf-4");
    }
}
