package dev.signet.platform.bot;

import dev.signet.platform.runtime.AutomaticLeave;
import dev.signet.zoom.meeting.MeetingUrl;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A validated {@code PATCH /api/v1/bot/{id}/} body: {@code null} means "unchanged", except for
 * {@code join_at}, whose presence is {@link #joinAtGiven}.
 */
record UpdateBotRequest(
        @Nullable String botName,
        @Nullable MeetingUrl meeting,
        boolean joinAtGiven,
        @Nullable Instant joinAt,
        @Nullable Map<String, String> metadata,
        @Nullable AutomaticLeave automaticLeave,
        @Nullable ZoomCredentials zoom) {
    boolean isEmpty() {
        return botName == null
                && meeting == null
                && !joinAtGiven
                && metadata == null
                && automaticLeave == null
                && zoom == null;
    }
}
