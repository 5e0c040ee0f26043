package dev.signet.platform.runtime;

import java.util.Objects;

/** What the runtime does with Zoom's answer to a join (CONTRACTS.md §6). */
public sealed interface JoinOutcome {
    /**
     * The bot ends {@code fatal}.
     *
     * @param subCode the fatal sub-code
     * @param message the human message
     * @param retryable whether another attempt may succeed (network failures), within the attempt budget
     */
    record Fatal(String subCode, String message, boolean retryable) implements JoinOutcome {
        public Fatal {
            Objects.requireNonNull(subCode, "subCode");
            Objects.requireNonNull(message, "message");
        }
    }

    /** 3008: the meeting has not started; the bot waits for the host ({@code in_waiting_room} / {@code waiting_for_host}). */
    record WaitForHost() implements JoinOutcome {}

    /** 3003: the bot asked to start the meeting but its ZAK's user is not the host; it rejoins with role 0. */
    record RejoinAsAttendee() implements JoinOutcome {}

    /** 4017: the OBF token's user is not in the meeting yet; retry with fresh tokens until the waiting-room timeout. */
    record AwaitAuthorizedUser() implements JoinOutcome {}

    /** The bot was in the meeting, or as good as: it ends {@code call_ended} with this sub-code. */
    record CallEnded(String subCode, String message) implements JoinOutcome {
        public CallEnded {
            Objects.requireNonNull(subCode, "subCode");
            Objects.requireNonNull(message, "message");
        }
    }
}
