package dev.signet.platform.runtime;

import static dev.signet.platform.runtime.ScriptedDriver.advance;
import static dev.signet.platform.runtime.ScriptedDriver.emit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.signet.platform.driver.DriverEvent;
import dev.signet.platform.driver.DriverFailure;
import dev.signet.platform.driver.JoinRequest;
import dev.signet.platform.driver.MeetingParticipant;
import dev.signet.secrets.Secret;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(30)
class BotRuntimeTest {
    private static final DriverEvent IN_MEETING = new DriverEvent.InMeeting(false);
    private static final MeetingParticipant SELF =
            new MeetingParticipant("p-self", "Notetaker", "bot@acme.example", "https://a/1.png", true, false, true);
    private static final MeetingParticipant ALICE =
            new MeetingParticipant("p-alice", "Alice", null, null, false, true, false);

    private RuntimeFixture f;
    private final AtomicInteger zaks = new AtomicInteger();

    @BeforeEach
    void setUp() throws Exception {
        f = new RuntimeFixture();
        f.tokenServer.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder()
                        .code(200)
                        .body("zak-" + zaks.incrementAndGet())
                        .build();
            }
        });
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    private List<String> runToEnd(RunnableBot bot) {
        f.runtime.start();
        f.runtime.wake();
        await().until(() -> f.store.isFinal(bot.id()));
        return f.store.statuses(bot.id());
    }

    private void awaitStatus(UUID id, String status) {
        await().until(() -> f.store.statuses(id).contains(status));
    }

    @Test
    void bot_admitted_isInCallUntilLeaveCall() {
        RunnableBot bot = f.bot();
        f.driver.then(emit(IN_MEETING), emit(new DriverEvent.ParticipantJoined(SELF)));
        f.runtime.start();
        f.runtime.wake();
        awaitStatus(bot.id(), "in_call_not_recording");

        assertThat(f.runtime.leave(bot.id())).isTrue();
        await().until(() -> f.store.isFinal(bot.id()));

        assertThat(f.store.statuses(bot.id()))
                .containsExactly("joining_call", "in_call_not_recording", "call_ended/bot_received_leave_call", "done");
        JoinRequest request = f.driver.requests.getFirst();
        assertThat(request.role()).isZero();
        assertThat(request.zak()).isNull();
        assertThat(request.displayName()).isEqualTo("Notetaker");
        assertThat(request.password()).isEqualTo("pwd.1");
        assertThat(request.sdkKey()).isEqualTo("sdk-key");
        assertThat(request.sdkSignature().reveal()).contains(".");
        assertThat(f.driver.sessions.getFirst().left).isTrue();
        assertThat(f.store.participantsOf(bot.id()))
                .extracting(Participant::displayName)
                .containsExactly("Notetaker");
        assertThat(f.counter(RuntimeMetrics.JOINS, "in_call")).isEqualTo(1);
        await().until(() -> f.runtime.running().isEmpty());
    }

    @Test
    void claimReportedFailedButCommitted_botIsStartedOnceAnyway() {
        RunnableBot bot = f.bot();
        f.driver.then(emit(IN_MEETING), emit(new DriverEvent.ParticipantJoined(SELF)));
        f.store.commitThenFailNextClaim();
        f.runtime.start();
        f.runtime.wake();

        awaitStatus(bot.id(), "in_call_not_recording");
        f.runtime.wake(); // more passes must not start it again
        await().during(Duration.ofMillis(200)).until(() -> f.runtime.running().size() == 1);
        assertThat(f.driver.requests).hasSize(1);
        assertThat(f.store.statuses(bot.id())).containsExactly("joining_call", "in_call_not_recording");
    }

    @Test
    void leave_unknownBot_returnsFalse() {
        assertThat(f.runtime.leave(UUID.randomUUID())).isFalse();
    }

    @Test
    void bot_signInRequiredWithoutZak_isFatalSignInRequired() {
        RunnableBot bot = f.bot();
        f.driver.then(emit(new DriverEvent.JoinRefused(3100, "Require login")));

        assertThat(runToEnd(bot)).containsExactly("joining_call", "fatal/meeting_requires_sign_in");
        assertThat(f.store.last(bot.id()).message()).startsWith("Sign In Required");
        assertThat(f.counter(RuntimeMetrics.JOINS, "meeting_requires_sign_in")).isEqualTo(1);
    }

    @Test
    void botWithZak_fetchesZakBeforeEachAttemptAndPassesIt() throws Exception {
        RunnableBot bot = f.botWithZak();
        f.driver.then(emit(new DriverEvent.JoinRefused(1, "reset"))).then(emit(IN_MEETING));
        f.runtime.start();
        f.runtime.wake();
        awaitStatus(bot.id(), "in_call_not_recording");

        assertThat(f.driver.requests)
                .extracting(r -> Objects.requireNonNull(r.zak()).reveal())
                .containsExactly("zak-1", "zak-2");
        RecordedRequest fetch = f.tokenServer.takeRequest();
        assertThat(fetch.getUrl().queryParameter("token")).isEqualTo("query-secret");
        assertThat(fetch.getHeaders().get("Authorization")).isNull();
        assertThat(f.counter(RuntimeMetrics.TOKEN_FETCHES, "fetched")).isEqualTo(2);
    }

    @Test
    void botWithZak_fetchFails_isFatalAndNeverJoinsAnonymously() {
        f.tokenServer.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().code(401).body("bad secret").build();
            }
        });
        RunnableBot bot = f.botWithZak();

        assertThat(runToEnd(bot)).containsExactly("joining_call", "fatal/zoom_zak_fetch_failed");
        assertThat(f.store.last(bot.id()).message()).contains("401").doesNotContain("query-secret");
        assertThat(f.driver.requests).isEmpty();
        assertThat(f.counter(RuntimeMetrics.TOKEN_FETCHES, "bad_status")).isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource({
        "3265, zoom_invalid_zak",
        "3100, zoom_invalid_zak",
        "3001, meeting_not_found",
        "3004, meeting_password_incorrect",
        "4004, meeting_ended",
        "4005, meeting_full",
        "4006, meeting_locked",
        "4011, zoom_sdk_app_not_published",
        "3712, zoom_invalid_signature",
        "4014, zoom_invalid_obf_token",
        "1234, bot_errored"
    })
    void botWithZak_refused_isFatalWithSubCode(int code, String subCode) {
        RunnableBot bot = f.botWithZak();
        f.driver.then(emit(new DriverEvent.JoinRefused(code, "refused")));

        assertThat(runToEnd(bot)).containsExactly("joining_call", "fatal/" + subCode);
        assertThat(f.driver.sessions.getFirst().closed).isTrue();
    }

    @Test
    void botWithZak_meetingNotStarted_startsItAsHost() {
        RunnableBot bot = f.botWithZak();
        f.driver.then(emit(new DriverEvent.WaitingForHost())).then(emit(new DriverEvent.InMeeting(true)));
        f.runtime.start();
        f.runtime.wake();
        awaitStatus(bot.id(), "in_call_not_recording");

        assertThat(f.driver.roles()).containsExactly(0, 1);
        assertThat(f.store.statuses(bot.id())).containsExactly("joining_call", "in_call_not_recording");
        assertThat(f.driver.sessions.getFirst().left).isTrue();
        assertThat(zaks.get()).isEqualTo(2);
    }

    @Test
    void botWithZak_notTheHost_rejoinsAsAttendeeAndWaitsForHost() {
        RunnableBot bot = f.botWithZak();
        f.driver
                .then(emit(new DriverEvent.WaitingForHost()))
                .then(emit(new DriverEvent.JoinRefused(3003, "You are not the meeting host")))
                .then(emit(new DriverEvent.WaitingForHost()), emit(IN_MEETING));
        f.runtime.start();
        f.runtime.wake();
        awaitStatus(bot.id(), "in_call_not_recording");

        assertThat(f.driver.roles()).containsExactly(0, 1, 0);
        assertThat(f.store.statuses(bot.id()))
                .containsExactly("joining_call", "in_waiting_room/waiting_for_host", "in_call_not_recording");
    }

    @Test
    void bot_meetingNotStartedRefusal3008_pollsUntilTheHostStarts() {
        RunnableBot bot = f.bot();
        f.driver
                .then(emit(new DriverEvent.JoinRefused(3008, "not started")))
                .then(emit(new DriverEvent.JoinRefused(3008, "not started")))
                .then(emit(IN_MEETING));
        f.runtime.start();
        f.runtime.wake();
        awaitStatus(bot.id(), "in_call_not_recording");

        assertThat(f.store.statuses(bot.id()))
                .containsExactly("joining_call", "in_waiting_room/waiting_for_host", "in_call_not_recording");
        assertThat(f.driver.requests).hasSize(3);
    }

    @Test
    void bot_waitingForHostTooLong_endsTimeoutExceededWaitingRoom() {
        RunnableBot bot = f.bot();
        f.driver.then(emit(new DriverEvent.WaitingForHost()), advance(Duration.ofSeconds(1201)));

        assertThat(runToEnd(bot))
                .containsExactly(
                        "joining_call",
                        "in_waiting_room/waiting_for_host",
                        "call_ended/timeout_exceeded_waiting_room",
                        "done");
        assertThat(f.store.last(bot.id()).createdAt()).isEqualTo(RuntimeFixture.T0.plusSeconds(1201));
    }

    @Test
    void bot_inWaitingRoomTooLong_endsTimeoutExceededWaitingRoom() {
        RunnableBot bot = f.bot();
        f.driver.then(
                emit(new DriverEvent.InWaitingRoom()),
                advance(Duration.ofMinutes(10)),
                advance(Duration.ofSeconds(601)));

        assertThat(runToEnd(bot))
                .containsExactly("joining_call", "in_waiting_room", "call_ended/timeout_exceeded_waiting_room", "done");
    }

    @Test
    void bot_admittedFromWaitingRoom_isInCall() {
        RunnableBot bot = f.bot();
        f.driver.then(
                emit(new DriverEvent.InWaitingRoom()),
                advance(Duration.ofSeconds(30)),
                emit(IN_MEETING),
                emit(new DriverEvent.MeetingEnded()));

        assertThat(runToEnd(bot))
                .containsExactly(
                        "joining_call",
                        "in_waiting_room",
                        "in_call_not_recording",
                        "call_ended/call_ended_by_host",
                        "done");
    }

    @Test
    void bot_nobodyElseJoins_endsTimeoutExceededNooneJoined() {
        RunnableBot bot = f.bot();
        f.driver.then(emit(IN_MEETING), emit(new DriverEvent.ParticipantJoined(SELF)), advance(Duration.ofMinutes(20)));

        assertThat(runToEnd(bot))
                .containsExactly(
                        "joining_call", "in_call_not_recording", "call_ended/timeout_exceeded_noone_joined", "done");
    }

    @Test
    void bot_everyoneLeft_endsTimeoutExceededEveryoneLeftAfterActivation() {
        AutomaticLeave leave = new AutomaticLeave(
                Duration.ofSeconds(1200), Duration.ofSeconds(1200), Duration.ofSeconds(2), Duration.ofSeconds(60));
        RunnableBot bot = f.bot(BotStatus.READY, null, leave, null);
        f.driver.then(
                emit(IN_MEETING),
                emit(new DriverEvent.ParticipantJoined(SELF)),
                emit(new DriverEvent.ParticipantJoined(ALICE)),
                advance(Duration.ofSeconds(10)),
                emit(new DriverEvent.ParticipantLeft(ALICE)),
                advance(Duration.ofSeconds(5)),
                advance(Duration.ofSeconds(50)));

        assertThat(runToEnd(bot))
                .containsExactly(
                        "joining_call", "in_call_not_recording", "call_ended/timeout_exceeded_everyone_left", "done");
        // everyone left at T0+10 s; the 2 s timeout only applies from activate_after (T0+60 s)
        assertThat(f.store.last(bot.id()).createdAt()).isEqualTo(RuntimeFixture.T0.plusSeconds(65));
        assertThat(f.store.participantsOf(bot.id()))
                .extracting(Participant::displayName)
                .containsExactly("Notetaker", "Alice");
    }

    @Test
    void bot_manyJoinsAtOnce_writesParticipantsInBatches() {
        RunnableBot bot = f.bot();
        MeetingParticipant bob = new MeetingParticipant("p-bob", "Bob", null, null, false, false, false);
        f.driver.then(
                emit(IN_MEETING),
                emit(new DriverEvent.ParticipantJoined(SELF)),
                emit(new DriverEvent.ParticipantJoined(ALICE)),
                emit(new DriverEvent.ParticipantJoined(bob)),
                advance(BotRunner.ROSTER_FLUSH.plusSeconds(1)),
                emit(new DriverEvent.MeetingEnded()));

        runToEnd(bot);

        assertThat(f.store.participantsOf(bot.id()))
                .extracting(Participant::displayName)
                .containsExactly("Notetaker", "Alice", "Bob");
        assertThat(f.store.participantWrites(bot.id())).isEqualTo(2);
    }

    @Test
    void bot_laterParticipantWrites_holdOnlyWhatChanged() {
        RunnableBot bot = f.bot();
        MeetingParticipant bob = new MeetingParticipant("p-bob", "Bob", null, null, false, false, false);
        MeetingParticipant aliceRenamed = new MeetingParticipant(
                ALICE.id(), "Alice (phone)", ALICE.email(), ALICE.avatarUrl(), ALICE.signedIn(), ALICE.host(), false);
        f.driver.then(
                emit(IN_MEETING),
                emit(new DriverEvent.ParticipantJoined(SELF)),
                emit(new DriverEvent.ParticipantJoined(ALICE)),
                advance(BotRunner.ROSTER_FLUSH.plusSeconds(1)),
                emit(new DriverEvent.ParticipantJoined(aliceRenamed)),
                emit(new DriverEvent.ParticipantJoined(bob)),
                advance(BotRunner.ROSTER_FLUSH.plusSeconds(1)),
                emit(new DriverEvent.MeetingEnded()));

        runToEnd(bot);

        assertThat(f.store.participantsOf(bot.id()))
                .extracting(Participant::displayName)
                .containsExactly("Notetaker", "Alice (phone)", "Bob");
        assertThat(f.store.participantWrites(bot.id())).isGreaterThanOrEqualTo(2);
        assertThat(f.store.participantChanges(bot.id()))
                .as("every write after the first holds only what changed")
                .isEqualTo(f.store.participantWrites(bot.id()) - 1);
    }

    @ParameterizedTest
    @CsvSource({"false, bot_kicked_from_call", "true, bot_kicked_from_waiting_room"})
    void bot_removedByHost_endsKicked(boolean fromWaitingRoom, String subCode) {
        RunnableBot bot = f.bot();
        f.driver.then(
                emit(fromWaitingRoom ? new DriverEvent.InWaitingRoom() : IN_MEETING),
                emit(new DriverEvent.Removed(fromWaitingRoom)));

        assertThat(runToEnd(bot)).endsWith("call_ended/" + subCode, "done");
    }

    @Test
    void bot_authorizedUserLeft_endsAuthorizedUserLeft() {
        RunnableBot bot = f.bot();
        f.driver.then(emit(IN_MEETING), emit(new DriverEvent.AuthorizedUserLeft()));

        assertThat(runToEnd(bot)).endsWith("call_ended/authorized_user_left", "done");
    }

    @Test
    void bot_joinNeverAnswered_isFatalJoinTimeout() {
        RunnableBot bot = f.bot();
        f.driver.then(advance(Duration.ofSeconds(61)));

        assertThat(runToEnd(bot)).containsExactly("joining_call", "fatal/zoom_join_timeout");
        assertThat(f.counter(RuntimeMetrics.JOINS, "zoom_join_timeout")).isEqualTo(1);
    }

    @Test
    void bot_slowDatabaseWrite_doesNotUseUpTheJoinWatchdog() {
        RunnableBot bot = f.bot();
        // Recording joining_call takes longer than the whole watchdog (60 s), as a database under load can.
        f.store.onWrite(change -> {
            if (change.code().equals("joining_call")) {
                f.clock.advance(Duration.ofSeconds(61));
            }
        });
        f.driver.then(advance(Duration.ofSeconds(30)), emit(IN_MEETING), emit(new DriverEvent.MeetingEnded()));

        assertThat(runToEnd(bot)).startsWith("joining_call", "in_call_not_recording");
        assertThat(f.counter(RuntimeMetrics.JOINS, "zoom_join_timeout")).isZero();
    }

    @Test
    void bot_driverCannotLoadSdk_isFatalSdkLoadFailed() {
        RunnableBot bot = f.bot();
        f.driver.then(emit(new DriverEvent.DriverFailed(DriverFailure.SDK_LOAD_FAILED, "404")));

        assertThat(runToEnd(bot)).containsExactly("joining_call", "fatal/zoom_sdk_load_failed");
    }

    @Test
    void bot_networkFailures_retriesThenFatalConnectionFailed() {
        RunnableBot bot = f.bot();
        f.driver.otherwise(emit(new DriverEvent.JoinRefused(1, "connection refused")));

        assertThat(runToEnd(bot)).containsExactly("joining_call", "fatal/zoom_connection_failed");
        assertThat(f.driver.requests).hasSize(RuntimeFixture.SETTINGS.maxJoinAttempts());
        assertThat(f.store.last(bot.id()).message()).contains("connection refused");
    }

    @Test
    void bot_disconnectedInCall_rejoins() {
        RunnableBot bot = f.bot();
        f.driver
                .then(emit(IN_MEETING), emit(new DriverEvent.Disconnected("stream closed")))
                .then(emit(IN_MEETING), emit(new DriverEvent.MeetingEnded()));

        assertThat(runToEnd(bot))
                .containsExactly(
                        "joining_call",
                        "in_call_not_recording",
                        "in_call_not_recording",
                        "call_ended/call_ended_by_host",
                        "done");
        assertThat(f.driver.requests).hasSize(2);
    }

    @Test
    void scheduledBot_dispatchedOnlyWhenDue() {
        RunnableBot bot = f.bot(BotStatus.READY, null, AutomaticLeave.DEFAULTS, RuntimeFixture.T0.plusSeconds(300));
        f.driver.then(emit(IN_MEETING));
        f.runtime.start();
        f.runtime.wake();
        RunnableBot now = f.bot();
        f.driver.then(emit(IN_MEETING));
        f.runtime.wake();
        awaitStatus(now.id(), "in_call_not_recording");
        assertThat(f.store.dispatched(bot.id())).isFalse();

        f.clock.advance(Duration.ofMinutes(5));
        f.runtime.wake();

        awaitStatus(bot.id(), "in_call_not_recording");
    }

    @Test
    void start_botsThatWereInCalls_rejoinOrEndPlatformRestarted() {
        RunnableBot inCall = f.bot("A", BotStatus.IN_CALL_NOT_RECORDING, null, AutomaticLeave.DEFAULTS, null);
        RunnableBot meetingGone = f.bot("B", BotStatus.IN_WAITING_ROOM, null, AutomaticLeave.DEFAULTS, null);
        RunnableBot ended = f.bot("C", BotStatus.CALL_ENDED, null, AutomaticLeave.DEFAULTS, null);
        RunnableBot done = f.bot("D", BotStatus.DONE, null, AutomaticLeave.DEFAULTS, null);
        f.driver.thenFor("A", emit(IN_MEETING));
        f.driver.thenFor("B", emit(new DriverEvent.JoinRefused(4004, "Meeting has ended")));

        f.runtime.start();

        await().until(() -> f.store.isFinal(meetingGone.id()));
        awaitStatus(inCall.id(), "in_call_not_recording");
        assertThat(f.store.statuses(inCall.id())).containsExactly("joining_call", "in_call_not_recording");
        assertThat(f.store.statuses(meetingGone.id())).containsExactly("joining_call", "fatal/bot_errored");
        assertThat(f.store.last(meetingGone.id()).message()).isEqualTo("platform restarted");
        assertThat(f.store.statuses(ended.id())).containsExactly("done");
        assertThat(f.store.statuses(done.id())).isEmpty();
    }

    @Test
    void close_botInCall_leavesAndKeepsStatusForTheNextStart() {
        RunnableBot bot = f.bot();
        f.driver.then(emit(IN_MEETING));
        f.runtime.start();
        f.runtime.wake();
        awaitStatus(bot.id(), "in_call_not_recording");

        f.runtime.close();

        assertThat(f.runtime.running()).isEmpty();
        assertThat(f.driver.sessions.getFirst().left).isTrue();
        assertThat(f.store.statuses(bot.id())).containsExactly("joining_call", "in_call_not_recording");
        f.runtime.wake(); // no effect after close
        assertThat(f.runtime.leave(bot.id())).isFalse();
    }

    @Test
    void closeThenStartAgain_botInCallRejoinsWithAFreshZak() {
        RunnableBot bot = f.botWithZak();
        f.driver.then(emit(IN_MEETING)).then(emit(IN_MEETING));
        f.runtime.start();
        f.runtime.wake();
        awaitStatus(bot.id(), "in_call_not_recording");
        f.runtime.close();
        InMemoryBotStore store = f.store;
        assertThat(store.last(bot.id()).code()).isEqualTo("in_call_not_recording"); // kept for the next start

        try (BotRuntime restarted = f.newRuntime()) {
            restarted.start();
            await().until(() -> store.statuses(bot.id()).size() == 4);
        }

        assertThat(store.statuses(bot.id()))
                .containsExactly("joining_call", "in_call_not_recording", "joining_call", "in_call_not_recording");
        assertThat(f.driver.requests)
                .extracting(r -> Objects.requireNonNull(r.zak()).reveal())
                .containsExactly("zak-1", "zak-2");
    }

    @Test
    void start_twice_isRejected() {
        f.runtime.start();

        org.assertj.core.api.Assertions.assertThatIllegalStateException().isThrownBy(f.runtime::start);
    }

    @Test
    void zakUrl_neverAppearsInStatusMessages() {
        f.tokenServer.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder()
                        .code(200)
                        .body("<html>no token here</html>")
                        .build();
            }
        });
        RunnableBot bot = f.bot(BotStatus.READY, Secret.of(f.zakUrl().reveal()), AutomaticLeave.DEFAULTS, null);

        runToEnd(bot);

        assertThat(f.store.last(bot.id()).message())
                .doesNotContain("query-secret")
                .doesNotContain("/zak");
    }
}
