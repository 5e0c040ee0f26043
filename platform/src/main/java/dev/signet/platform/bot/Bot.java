package dev.signet.platform.bot;

import dev.signet.platform.runtime.AutomaticLeave;
import dev.signet.platform.runtime.BotStatus;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A bot as stored, without its credentials (the sealed token URLs and registration token stay in the
 * database until the runtime needs them).
 *
 * @param zoom the token URLs with query values redacted, for display
 * @param status the code of the last status change
 * @param dispatched whether the runtime has claimed the bot; after that it can be neither updated nor deleted
 */
public record Bot(
        UUID id,
        String botName,
        String meetingId,
        @Nullable String meetingPassword,
        @Nullable Instant joinAt,
        Map<String, String> metadata,
        AutomaticLeave automaticLeave,
        ZoomSettings zoom,
        String status,
        boolean dispatched,
        Instant createdAt,
        Instant updatedAt) {
    public Bot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(botName, "botName");
        Objects.requireNonNull(meetingId, "meetingId");
        metadata = Map.copyOf(metadata);
        Objects.requireNonNull(automaticLeave, "automaticLeave");
        Objects.requireNonNull(zoom, "zoom");
        Objects.requireNonNull(status, "status");
    }

    /** Whether the bot is still waiting to be dispatched (PATCH and DELETE are allowed only then). */
    public boolean scheduled() {
        return !dispatched && status.equals(BotStatus.READY);
    }
}
