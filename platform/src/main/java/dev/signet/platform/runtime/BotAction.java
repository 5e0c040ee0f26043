package dev.signet.platform.runtime;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** What the runner does for a transition: the outputs of {@link BotTransitions}. */
sealed interface BotAction {
    /** Record a status change (and so queue its webhook). */
    record Emit(
            String code, @Nullable String subCode, @Nullable String message) implements BotAction {
        public Emit {
            Objects.requireNonNull(code, "code");
        }
    }

    /** Fetch a fresh token and start a join attempt with {@code role}. */
    record Join(int role) implements BotAction {}

    /** Leave the meeting and drop the current session, if any. */
    record LeaveMeeting() implements BotAction {}
}
