package dev.signet.platform.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.platform.driver.DriverEvent;
import dev.signet.platform.driver.MeetingParticipant;
import dev.signet.platform.runtime.BotAction.Emit;
import dev.signet.platform.runtime.BotAction.Join;
import dev.signet.platform.runtime.BotAction.LeaveMeeting;
import dev.signet.platform.runtime.BotState.Attempt;
import dev.signet.platform.runtime.BotTransitions.Step;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The pure transition function, without threads or clocks. */
class BotTransitionsTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final BotRules NO_ZAK = rules(false);
    private static final BotRules ZAK = rules(true);
    private static final MeetingParticipant BOB = new MeetingParticipant("p2", "Bob", null, null, false, false, false);

    private static BotRules rules(boolean hasZak) {
        return new BotRules(
                hasZak ? JoinCredentials.Presented.ZAK : JoinCredentials.Presented.NONE,
                AutomaticLeave.DEFAULTS,
                Duration.ofSeconds(60),
                3,
                Duration.ofSeconds(1),
                Duration.ofSeconds(5),
                Duration.ofSeconds(10));
    }

    private static Step observe(BotState state, DriverEvent event, BotRules rules) {
        return BotTransitions.next(state, new BotEvent.Observed(event), T0, rules);
    }

    private static BotState joining(boolean recovering) {
        return new BotState.Joining(Attempt.first(recovering), T0);
    }

    @Test
    void start_emitsJoiningCallAndJoinsAsAttendee() {
        Step step = BotTransitions.next(new BotState.Idle(), new BotEvent.Start(false), T0, NO_ZAK);

        assertThat(step.actions()).containsExactly(new Emit("joining_call", null, null), new Join(0));
        assertThat(step.state()).isInstanceOf(BotState.Joining.class);
        assertThat(BotDeadlines.of(step.state(), NO_ZAK)).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void waitingForHost_withZakNotYetTried_rejoinsAsHostWithoutShowingWaiting() {
        Step step = observe(joining(false), new DriverEvent.WaitingForHost(), ZAK);

        assertThat(step.actions()).containsExactly(new LeaveMeeting(), new Join(1));
        assertThat(((BotState.Joining) step.state()).attempt().triedHost()).isTrue();
    }

    @Test
    void waitingForHost_withoutZak_showsWaitingForHostOnce() {
        Step first = observe(joining(false), new DriverEvent.WaitingForHost(), NO_ZAK);
        Step again = observe(first.state(), new DriverEvent.WaitingForHost(), NO_ZAK);

        assertThat(first.actions())
                .containsExactly(
                        new Emit("in_waiting_room", "waiting_for_host", "Waiting for the host to start the meeting."));
        assertThat(again.actions()).isEmpty();
        assertThat(BotDeadlines.of(first.state(), NO_ZAK)).isEqualTo(T0.plusSeconds(1200));
    }

    @Test
    void notHost3003_afterRoleOne_rejoinsAsAttendee() {
        BotState asHost = new BotState.Joining(Attempt.first(false).withRole(1), T0);

        Step step = observe(asHost, new DriverEvent.JoinRefused(3003, "You are not the meeting host"), ZAK);

        assertThat(step.actions()).containsExactly(new LeaveMeeting(), new Join(0));
        assertThat(((BotState.Joining) step.state()).attempt().triedHost()).isTrue();
    }

    @Test
    void notHost3003_toAnAttendeeJoin_isBotErrored() {
        Step step = observe(joining(false), new DriverEvent.JoinRefused(3003, "?"), ZAK);

        assertThat(step.actions())
                .last()
                .isEqualTo(new Emit("fatal", "bot_errored", "Zoom answered 3003 to a join that did not ask to start."));
    }

    @Test
    void meetingEndedWhileRecovering_isPlatformRestarted() {
        Step step = observe(joining(true), new DriverEvent.JoinRefused(4004, "ended"), NO_ZAK);

        assertThat(step.actions())
                .containsExactly(new LeaveMeeting(), new Emit("fatal", "bot_errored", "platform restarted"));
    }

    @Test
    void meetingEndedOnFirstRun_isMeetingEnded() {
        Step step = observe(joining(false), new DriverEvent.JoinRefused(4004, "ended"), NO_ZAK);

        assertThat(((Emit) step.actions().getLast()).subCode()).isEqualTo("meeting_ended");
    }

    @Test
    void inCall_deadlines_followTheAutomaticLeaveRules() {
        BotState.InCall alone = new BotState.InCall(Attempt.first(false).inCall(), T0, Set.of(), false, null);
        assertThat(BotDeadlines.of(alone, NO_ZAK)).isEqualTo(T0.plusSeconds(1200));

        BotState withBob =
                observe(alone, new DriverEvent.ParticipantJoined(BOB), NO_ZAK).state();
        assertThat(BotDeadlines.of(withBob, NO_ZAK)).isNull();

        BotState empty = BotTransitions.next(
                        withBob,
                        new BotEvent.Observed(new DriverEvent.ParticipantLeft(BOB)),
                        T0.plusSeconds(30),
                        NO_ZAK)
                .state();
        assertThat(BotDeadlines.of(empty, NO_ZAK)).isEqualTo(T0.plusSeconds(32));
    }

    @Test
    void deadlinePassedEarly_changesNothing() {
        BotState.InCall alone = new BotState.InCall(Attempt.first(false).inCall(), T0, Set.of(), false, null);

        Step step = BotTransitions.next(alone, new BotEvent.DeadlinePassed(), T0.plusSeconds(10), NO_ZAK);

        assertThat(step.state()).isEqualTo(alone);
        assertThat(step.actions()).isEmpty();
    }

    @Test
    void shutdown_leavesWithoutRecordingAStatus() {
        BotState.InCall call = new BotState.InCall(Attempt.first(false).inCall(), T0, Set.of(), false, null);

        Step step = BotTransitions.next(call, new BotEvent.ShutdownRequested(), T0, NO_ZAK);

        assertThat(step.actions()).containsExactly(new LeaveMeeting());
        assertThat(step.state()).isInstanceOf(BotState.Finished.class);
    }

    @Test
    void finished_ignoresEverything() {
        BotState done = new BotState.Finished();

        for (BotEvent event : List.of(
                new BotEvent.LeaveRequested(),
                new BotEvent.DeadlinePassed(),
                new BotEvent.Observed(new DriverEvent.MeetingEnded()),
                new BotEvent.Crashed("x"))) {
            assertThat(BotTransitions.next(done, event, T0, NO_ZAK).actions()).isEmpty();
        }
    }

    @Test
    void backoff_ignoresLateSessionEventsAndRejoinsWhenDue() {
        BotState backoff = new BotState.Backoff(Attempt.first(false).failedOnce(), T0.plusSeconds(1));

        assertThat(observe(backoff, new DriverEvent.MeetingEnded(), NO_ZAK).actions())
                .isEmpty();
        Step due = BotTransitions.next(backoff, new BotEvent.DeadlinePassed(), T0.plusSeconds(1), NO_ZAK);
        assertThat(due.actions()).containsExactly(new Join(0));
    }

    @Test
    void crash_isFatalBotErrored() {
        Step step = BotTransitions.next(joining(false), new BotEvent.Crashed("internal error"), T0, NO_ZAK);

        assertThat(step.actions())
                .containsExactly(new LeaveMeeting(), new Emit("fatal", "bot_errored", "internal error"));
    }
}
