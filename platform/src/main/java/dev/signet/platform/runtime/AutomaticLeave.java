package dev.signet.platform.runtime;

import java.time.Duration;
import java.util.Objects;

/**
 * When a bot leaves on its own (Recall's {@code automatic_leave}).
 *
 * @param waitingRoomTimeout how long the bot waits in the waiting room or for the host
 * @param nooneJoinedTimeout how long the bot stays in a call that nobody else joins
 * @param everyoneLeftTimeout how long the bot stays after everyone else has left
 * @param everyoneLeftActivateAfter how long after entering the call the everyone-left rule starts to apply
 */
public record AutomaticLeave(
        Duration waitingRoomTimeout,
        Duration nooneJoinedTimeout,
        Duration everyoneLeftTimeout,
        Duration everyoneLeftActivateAfter) {
    /** Recall's defaults: 1200 s, 1200 s, 2 s, activated at once. */
    public static final AutomaticLeave DEFAULTS = new AutomaticLeave(
            Duration.ofSeconds(1200), Duration.ofSeconds(1200), Duration.ofSeconds(2), Duration.ZERO);

    public AutomaticLeave {
        requireNotNegative(waitingRoomTimeout, "waitingRoomTimeout");
        requireNotNegative(nooneJoinedTimeout, "nooneJoinedTimeout");
        requireNotNegative(everyoneLeftTimeout, "everyoneLeftTimeout");
        requireNotNegative(everyoneLeftActivateAfter, "everyoneLeftActivateAfter");
    }

    private static void requireNotNegative(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative");
        }
    }
}
