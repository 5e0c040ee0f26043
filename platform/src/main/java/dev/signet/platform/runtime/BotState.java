package dev.signet.platform.runtime;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Where one bot's run stands; the states of {@link BotTransitions}. */
sealed interface BotState {
    /** Dispatched, nothing done yet. */
    record Idle() implements BotState {}

    /** A join attempt is under way (token fetched, driver asked); the join watchdog runs from {@code since}. */
    record Joining(Attempt attempt, Instant since) implements BotState {}

    /** In a session, waiting for the host to start the meeting, since {@code attempt.waitingSince()}. */
    record WaitingForHost(Attempt attempt) implements BotState {}

    /** In the meeting's waiting room since {@code since}. */
    record InWaitingRoom(Attempt attempt, Instant since) implements BotState {}

    /**
     * In the call since {@code since}.
     *
     * @param others ids of the participants other than the bot that are present
     * @param sawOthers whether anyone else was ever present
     * @param emptySince when the last other participant left, if everyone has
     */
    record InCall(
            Attempt attempt,
            Instant since,
            Set<String> others,
            boolean sawOthers,
            @Nullable Instant emptySince) implements BotState {
        public InCall {
            others = Set.copyOf(others);
        }
    }

    /** No session; the next join attempt is due at {@code until}. */
    record Backoff(Attempt attempt, Instant until) implements BotState {}

    /** The run is over (final status recorded, or the runtime shut down). */
    record Finished() implements BotState {}

    /**
     * What a run remembers across join attempts.
     *
     * @param role the SDK role of the current or next attempt
     * @param failures retryable failures so far
     * @param triedHost whether the bot has asked to start the meeting (role 1) already
     * @param waitingSince when the bot started waiting for the host (and showed {@code waiting_for_host}), if it has
     * @param awaitingAuthorizedUser whether Zoom answered 4017 (OBF user not in the meeting)
     * @param recovering whether this run rejoins after a platform restart and has not reached the call yet
     */
    record Attempt(
            int role,
            int failures,
            boolean triedHost,
            @Nullable Instant waitingSince,
            boolean awaitingAuthorizedUser,
            boolean recovering) {
        static Attempt first(boolean recovering) {
            return new Attempt(0, 0, false, null, false, recovering);
        }

        Attempt withRole(int newRole) {
            return new Attempt(
                    newRole, failures, triedHost || newRole == 1, waitingSince, awaitingAuthorizedUser, recovering);
        }

        Attempt failedOnce() {
            return new Attempt(role, failures + 1, triedHost, waitingSince, awaitingAuthorizedUser, recovering);
        }

        Attempt waiting(Instant since, boolean forAuthorizedUser) {
            return new Attempt(
                    role,
                    failures,
                    triedHost,
                    Objects.requireNonNullElse(waitingSince, since),
                    awaitingAuthorizedUser || forAuthorizedUser,
                    recovering);
        }

        Attempt inCall() {
            return new Attempt(role, failures, triedHost, null, false, false);
        }
    }
}
