package dev.signet.platform.runtime;

import static dev.signet.platform.runtime.BotStatus.CALL_ENDED;
import static dev.signet.platform.runtime.BotStatus.DONE;
import static dev.signet.platform.runtime.BotStatus.FATAL;
import static dev.signet.platform.runtime.BotStatus.IN_CALL_NOT_RECORDING;
import static dev.signet.platform.runtime.BotStatus.IN_WAITING_ROOM;
import static dev.signet.platform.runtime.BotStatus.JOINING_CALL;

import dev.signet.platform.driver.DriverEvent;
import dev.signet.platform.runtime.BotAction.Emit;
import dev.signet.platform.runtime.BotAction.Join;
import dev.signet.platform.runtime.BotAction.LeaveMeeting;
import dev.signet.platform.runtime.BotState.Attempt;
import dev.signet.platform.runtime.BotState.Backoff;
import dev.signet.platform.runtime.BotState.Finished;
import dev.signet.platform.runtime.BotState.Idle;
import dev.signet.platform.runtime.BotState.InCall;
import dev.signet.platform.runtime.BotState.InWaitingRoom;
import dev.signet.platform.runtime.BotState.Joining;
import dev.signet.platform.runtime.BotState.WaitingForHost;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The bot lifecycle as a pure transition function (DESIGN.md "Bot lifecycle"): no I/O, no clock of its own; the
 * {@link BotRunner} feeds it events and performs the actions it returns.
 */
final class BotTransitions {
    static final String PLATFORM_RESTARTED = "platform restarted";

    /** The state after a transition and what the runner must do, in order. */
    record Step(BotState state, List<BotAction> actions) {
        Step {
            actions = List.copyOf(actions);
        }
    }

    private BotTransitions() {}

    /** The transition from {@code state} on {@code event} at {@code now}. */
    static Step next(BotState state, BotEvent event, Instant now, BotRules rules) {
        if (state instanceof Finished) {
            return stay(state);
        }
        return switch (event) {
            case BotEvent.Start start -> start(state, start.recovering(), now);
            case BotEvent.LeaveRequested l ->
                callEnded("bot_received_leave_call", "The bot was asked to leave the call.");
            case BotEvent.ShutdownRequested s -> new Step(new Finished(), List.of(new LeaveMeeting()));
            case BotEvent.Crashed crashed -> fatal(JoinOutcomes.BOT_ERRORED, crashed.message());
            case BotEvent.TokenFailed failed -> fatal(failed.subCode(), failed.reason());
            case BotEvent.DeadlinePassed d -> deadlinePassed(state, now, rules);
            case BotEvent.Observed observed -> observed(state, observed.event(), now, rules);
        };
    }

    private static Step start(BotState state, boolean recovering, Instant now) {
        if (!(state instanceof Idle)) {
            return stay(state);
        }
        Attempt attempt = Attempt.first(recovering);
        return new Step(new Joining(attempt, now), List.of(new Emit(JOINING_CALL, null, null), new Join(0)));
    }

    private static Step deadlinePassed(BotState state, Instant now, BotRules rules) {
        Instant deadline = BotDeadlines.of(state, rules);
        if (deadline == null || now.isBefore(deadline)) {
            return stay(state);
        }
        return switch (state) {
            case Idle i -> stay(state);
            case Finished f -> stay(state);
            case Joining j ->
                fatal(
                        "zoom_join_timeout",
                        "The join did not complete within "
                                + rules.joinWatchdog().toSeconds() + " s.");
            case WaitingForHost w -> waitingTimedOut(w.attempt());
            case InWaitingRoom r -> waitingTimedOut(r.attempt());
            case Backoff backoff -> {
                Instant waitingEnds = BotDeadlines.waitingEnds(backoff.attempt(), rules);
                if (waitingEnds != null && !now.isBefore(waitingEnds)) {
                    yield waitingTimedOut(backoff.attempt());
                }
                yield new Step(
                        new Joining(backoff.attempt(), now),
                        List.of(new Join(backoff.attempt().role())));
            }
            case InCall call ->
                call.sawOthers()
                        ? callEnded("timeout_exceeded_everyone_left", "Everyone else left the call.")
                        : callEnded("timeout_exceeded_noone_joined", "Nobody else joined the call.");
        };
    }

    private static Step observed(BotState state, DriverEvent event, Instant now, BotRules rules) {
        Attempt attempt = attemptOf(state);
        if (attempt == null || state instanceof Backoff) {
            return stay(state); // no session: a late event from a session already left
        }
        return switch (event) {
            case DriverEvent.JoinRefused refused ->
                outcome(
                        attempt,
                        JoinOutcomes.classify(refused.zoomCode(), refused.reason(), rules.presented()),
                        now,
                        rules);
            case DriverEvent.WaitingForHost w -> waitForHost(state, attempt, now, rules, true);
            case DriverEvent.InWaitingRoom w ->
                state instanceof InWaitingRoom
                        ? stay(state)
                        : new Step(new InWaitingRoom(attempt, now), List.of(new Emit(IN_WAITING_ROOM, null, null)));
            case DriverEvent.InMeeting m ->
                state instanceof InCall
                        ? stay(state)
                        : new Step(
                                new InCall(attempt.inCall(), now, Set.of(), false, null),
                                List.of(new Emit(IN_CALL_NOT_RECORDING, null, null)));
            case DriverEvent.ParticipantJoined joined ->
                state instanceof InCall call && !joined.participant().self()
                        ? stay(withOther(call, joined.participant().id(), true, now))
                        : stay(state);
            case DriverEvent.ParticipantLeft left ->
                state instanceof InCall call && !left.participant().self()
                        ? stay(withOther(call, left.participant().id(), false, now))
                        : stay(state);
            case DriverEvent.Removed removed ->
                removed.fromWaitingRoom() || !(state instanceof InCall)
                        ? callEnded("bot_kicked_from_waiting_room", "The host removed the bot from the waiting room.")
                        : callEnded("bot_kicked_from_call", "The host removed the bot from the call.");
            case DriverEvent.AuthorizedUserLeft a ->
                callEnded("authorized_user_left", "The user who authorized the bot left the meeting.");
            case DriverEvent.MeetingEnded m -> callEnded("call_ended_by_host", "The host ended the meeting.");
            case DriverEvent.DriverFailed failed ->
                outcome(attempt, JoinOutcomes.classify(failed.failure(), failed.reason()), now, rules);
            case DriverEvent.Disconnected lost ->
                retryOrFail(
                        attempt,
                        JoinOutcomes.ZOOM_CONNECTION_FAILED,
                        "Lost the meeting connection: " + lost.reason(),
                        now,
                        rules);
        };
    }

    private static Step outcome(Attempt attempt, JoinOutcome outcome, Instant now, BotRules rules) {
        return switch (outcome) {
            case JoinOutcome.Fatal f when f.retryable() -> retryOrFail(attempt, f.subCode(), f.message(), now, rules);
            case JoinOutcome.Fatal f ->
                attempt.recovering()
                                && (f.subCode().equals("meeting_ended")
                                        || f.subCode().equals("meeting_not_found"))
                        ? fatal(JoinOutcomes.BOT_ERRORED, PLATFORM_RESTARTED)
                        : fatal(f.subCode(), f.message());
            case JoinOutcome.WaitForHost w -> waitForHost(null, attempt, now, rules, false);
            case JoinOutcome.RejoinAsAttendee r ->
                attempt.role() == 1
                        ? rejoin(attempt.withRole(0), now)
                        : fatal(JoinOutcomes.BOT_ERRORED, "Zoom answered 3003 to a join that did not ask to start.");
            case JoinOutcome.AwaitAuthorizedUser a -> awaitAuthorizedUser(attempt, now, rules);
            case JoinOutcome.CallEnded ended -> callEnded(ended.subCode(), ended.message());
        };
    }

    /**
     * The meeting has not started. A bot with a ZAK that has not tried yet asks to start it (role 1); otherwise it
     * shows {@code waiting_for_host} and waits in its session ({@code inSession}) or polls with new attempts.
     */
    private static Step waitForHost(
            @Nullable BotState state, Attempt attempt, Instant now, BotRules rules, boolean inSession) {
        if (rules.hasZak() && !attempt.triedHost()) {
            return rejoin(attempt.withRole(1), now);
        }
        if (state instanceof WaitingForHost) {
            return stay(state);
        }
        Attempt waiting = attempt.waiting(now, false);
        List<BotAction> actions = new ArrayList<>();
        if (!inSession) {
            actions.add(new LeaveMeeting());
        }
        if (attempt.waitingSince() == null) {
            actions.add(new Emit(IN_WAITING_ROOM, "waiting_for_host", "Waiting for the host to start the meeting."));
        }
        BotState next =
                inSession ? new WaitingForHost(waiting) : new Backoff(waiting, now.plus(rules.hostPollInterval()));
        return new Step(next, actions);
    }

    /**
     * The OBF token's user is not in the meeting yet: show {@code waiting_for_authorized_user} once and retry with a
     * fresh token every {@code obfRetryInterval}, until {@code waiting_room_timeout} from the first refusal.
     */
    private static Step awaitAuthorizedUser(Attempt attempt, Instant now, BotRules rules) {
        List<BotAction> actions = new ArrayList<>();
        actions.add(new LeaveMeeting());
        if (!attempt.awaitingAuthorizedUser()) {
            actions.add(new Emit(
                    IN_WAITING_ROOM,
                    "waiting_for_authorized_user",
                    "Waiting for the user who authorized the bot (OBF) to join the meeting."));
        }
        return new Step(new Backoff(attempt.waiting(now, true), now.plus(rules.obfRetryInterval())), actions);
    }

    private static Step retryOrFail(Attempt attempt, String subCode, String message, Instant now, BotRules rules) {
        if (attempt.failures() + 1 >= rules.maxJoinAttempts()) {
            return fatal(subCode, message);
        }
        Instant until = now.plus(rules.retryBackoff().multipliedBy(1L << Math.min(attempt.failures(), 16)));
        return new Step(new Backoff(attempt.failedOnce(), until), List.of(new LeaveMeeting()));
    }

    private static Step rejoin(Attempt attempt, Instant now) {
        return new Step(new Joining(attempt, now), List.of(new LeaveMeeting(), new Join(attempt.role())));
    }

    private static Step waitingTimedOut(Attempt attempt) {
        return attempt.awaitingAuthorizedUser()
                ? fatal(
                        "zoom_obf_user_not_in_meeting",
                        "The user who authorized the bot (OBF) was not in the meeting within waiting_room_timeout.")
                : callEnded("timeout_exceeded_waiting_room", "The bot was not admitted in time.");
    }

    private static InCall withOther(InCall call, String id, boolean joined, Instant now) {
        Set<String> others = new HashSet<>(call.others());
        if (joined) {
            others.add(id);
            return new InCall(call.attempt(), call.since(), others, true, null);
        }
        others.remove(id);
        Instant emptySince = others.isEmpty() && call.sawOthers() ? now : null;
        return new InCall(call.attempt(), call.since(), others, call.sawOthers(), emptySince);
    }

    private static @Nullable Attempt attemptOf(BotState state) {
        return switch (state) {
            case Idle i -> null;
            case Finished f -> null;
            case Joining j -> j.attempt();
            case WaitingForHost w -> w.attempt();
            case InWaitingRoom r -> r.attempt();
            case InCall c -> c.attempt();
            case Backoff b -> b.attempt();
        };
    }

    private static Step callEnded(String subCode, String message) {
        return new Step(
                new Finished(),
                List.of(new LeaveMeeting(), new Emit(CALL_ENDED, subCode, message), new Emit(DONE, null, null)));
    }

    private static Step fatal(String subCode, String message) {
        return new Step(new Finished(), List.of(new LeaveMeeting(), new Emit(FATAL, subCode, message)));
    }

    private static Step stay(BotState state) {
        return new Step(state, List.of());
    }
}
