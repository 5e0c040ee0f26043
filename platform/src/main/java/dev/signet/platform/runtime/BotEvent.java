package dev.signet.platform.runtime;

import dev.signet.platform.driver.DriverEvent;
import java.util.Objects;

/** What happens to a bot's run: the inputs of {@link BotTransitions}. */
sealed interface BotEvent {
    /** The run begins; {@code recovering} when it rejoins after a platform restart. */
    record Start(boolean recovering) implements BotEvent {}

    /** The meeting driver reported something. */
    record Observed(DriverEvent event) implements BotEvent {
        public Observed {
            Objects.requireNonNull(event, "event");
        }
    }

    /** A token URL could not supply its token for the attempt; the bot ends {@code fatal} / {@code subCode}. */
    record TokenFailed(String subCode, String reason) implements BotEvent {
        public TokenFailed {
            Objects.requireNonNull(subCode, "subCode");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The clock reached the state's deadline ({@link BotDeadlines#of}). */
    record DeadlinePassed() implements BotEvent {}

    /** The API asked the bot to leave ({@code leave_call}). */
    record LeaveRequested() implements BotEvent {}

    /** The runtime is shutting down: leave the meeting but keep the status, so a restart rejoins. */
    record ShutdownRequested() implements BotEvent {}

    /** The runner hit an unexpected error. */
    record Crashed(String message) implements BotEvent {
        public Crashed {
            Objects.requireNonNull(message, "message");
        }
    }
}
