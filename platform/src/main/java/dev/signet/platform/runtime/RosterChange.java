package dev.signet.platform.runtime;

import java.util.List;
import java.util.Map;

/**
 * What changed in a bot's participant list since the list its runner last wrote: participants seen for the first time,
 * appended at positions {@code from}, {@code from + 1}, …, and participants already written whose details changed, by
 * position. A bot's list only grows (a participant who leaves stays listed), so a write costs what changed, not the
 * whole list (decision 0011).
 *
 * @param from how many participants the store holds for the bot: the position of the first appended one
 * @param appended participants seen for the first time, in the order they were seen
 * @param updated participants already written whose details changed, by their position
 */
public record RosterChange(int from, List<Participant> appended, Map<Integer, Participant> updated) {
    public RosterChange {
        if (from < 0) {
            throw new IllegalArgumentException("from must not be negative, got " + from);
        }
        appended = List.copyOf(appended);
        updated = Map.copyOf(updated);
        for (int position : updated.keySet()) {
            if (position < 0 || position >= from) {
                throw new IllegalArgumentException("updated position " + position + " is not among the first " + from);
            }
        }
    }

    /** Whether nothing changed. */
    public boolean isEmpty() {
        return appended.isEmpty() && updated.isEmpty();
    }
}
