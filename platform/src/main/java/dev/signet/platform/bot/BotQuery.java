package dev.signet.platform.bot;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A list request: filters, a page size and where the page starts.
 *
 * @param statuses current status codes to match (any of them); empty matches all
 * @param meetingId the meeting number parsed from the {@code meeting_url} filter
 * @param metadata {@code metadata__KEY=VALUE} filters, all of which must match
 * @param cursor where the page starts; {@code null} for the first page
 */
record BotQuery(
        @Nullable Instant joinAtAfter,
        @Nullable Instant joinAtBefore,
        List<String> statuses,
        @Nullable String meetingId,
        Map<String, String> metadata,
        int pageSize,
        @Nullable PageCursor cursor) {
    BotQuery {
        statuses = List.copyOf(statuses);
        metadata = Map.copyOf(metadata);
    }
}
