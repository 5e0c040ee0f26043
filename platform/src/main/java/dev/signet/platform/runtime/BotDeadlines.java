package dev.signet.platform.runtime;

import dev.signet.platform.runtime.BotState.Attempt;
import dev.signet.platform.runtime.BotState.Backoff;
import dev.signet.platform.runtime.BotState.Finished;
import dev.signet.platform.runtime.BotState.Idle;
import dev.signet.platform.runtime.BotState.InCall;
import dev.signet.platform.runtime.BotState.InWaitingRoom;
import dev.signet.platform.runtime.BotState.Joining;
import dev.signet.platform.runtime.BotState.WaitingForHost;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** When each {@link BotState} times out by itself: the join watchdog and the automatic-leave rules. Pure. */
final class BotDeadlines {
    private BotDeadlines() {}

    /** When the state times out by itself, or {@code null} when only an event moves it. */
    static @Nullable Instant of(BotState state, BotRules rules) {
        AutomaticLeave leave = rules.leave();
        return switch (state) {
            case Idle i -> null;
            case Finished f -> null;
            case Joining joining -> joining.since().plus(rules.joinWatchdog());
            case WaitingForHost waiting -> waitingEnds(waiting.attempt(), rules);
            case InWaitingRoom room -> room.since().plus(leave.waitingRoomTimeout());
            case Backoff backoff -> {
                Instant waitingEnds = waitingEnds(backoff.attempt(), rules);
                yield waitingEnds != null && waitingEnds.isBefore(backoff.until()) ? waitingEnds : backoff.until();
            }
            case InCall call -> {
                if (!call.sawOthers()) {
                    yield call.since().plus(leave.nooneJoinedTimeout());
                }
                Instant empty = call.emptySince();
                if (empty == null) {
                    yield null;
                }
                Instant timeout = empty.plus(leave.everyoneLeftTimeout());
                Instant active = call.since().plus(leave.everyoneLeftActivateAfter());
                yield timeout.isAfter(active) ? timeout : active;
            }
        };
    }

    /** When waiting for the host (or the authorizing user) times out, if the bot waits. */
    static @Nullable Instant waitingEnds(Attempt attempt, BotRules rules) {
        Instant since = attempt.waitingSince();
        return since == null ? null : since.plus(rules.leave().waitingRoomTimeout());
    }
}
