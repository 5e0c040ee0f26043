package dev.signet.platform.bot;

import dev.signet.platform.runtime.AutomaticLeave;
import dev.signet.zoom.meeting.MeetingUrl;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A validated {@code POST /api/v1/bot/} body. */
record CreateBotRequest(
        String botName,
        MeetingUrl meeting,
        @Nullable Instant joinAt,
        Map<String, String> metadata,
        AutomaticLeave automaticLeave,
        ZoomCredentials zoom) {
    static final String DEFAULT_NAME = "Meeting Notetaker";
}
