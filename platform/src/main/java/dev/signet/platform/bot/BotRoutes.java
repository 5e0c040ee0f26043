package dev.signet.platform.bot;

import dev.signet.platform.http.ApiException;
import dev.signet.platform.http.FieldErrors;
import dev.signet.platform.http.JsonCodec;
import dev.signet.zoom.meeting.MeetingUrl;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** {@code /api/v1/bot/…}: decode into request records, call {@link BotService}, encode. */
public final class BotRoutes {
    private static final String METADATA_PREFIX = "metadata__";
    private static final int DEFAULT_PAGE = 50;
    private static final int MAX_PAGE = 100;

    private final BotService service;
    private final BotRequestParser parser;
    private final JsonCodec json;

    BotRoutes(BotService service, BotRequestParser parser, JsonCodec json) {
        this.service = service;
        this.parser = parser;
        this.json = json;
    }

    public void register(RoutesConfig routes) {
        routes.post("/api/v1/bot", ctx -> json.send(ctx, 201, service.create(parser.create(json.readTree(ctx)))));
        routes.get("/api/v1/bot", this::list);
        routes.get("/api/v1/bot/{id}", ctx -> json.send(ctx, 200, service.get(id(ctx))));
        routes.patch(
                "/api/v1/bot/{id}",
                ctx -> json.send(ctx, 200, service.update(id(ctx), parser.update(json.readTree(ctx)))));
        routes.delete("/api/v1/bot/{id}", ctx -> {
            service.delete(id(ctx));
            ctx.status(204);
        });
        routes.post("/api/v1/bot/{id}/leave_call", ctx -> json.send(ctx, 200, service.leave(id(ctx))));
    }

    private static UUID id(Context ctx) {
        try {
            return UUID.fromString(ctx.pathParam("id"));
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("No bot with this id.");
        }
    }

    private void list(Context ctx) {
        BotQuery query = query(ctx);
        BotPage page = service.list(query);
        Map<String, @Nullable Object> body = new LinkedHashMap<>();
        body.put("next", link(ctx, page.next()));
        body.put("previous", link(ctx, page.previous()));
        body.put("results", page.results());
        json.send(ctx, 200, body);
    }

    /** The list filters of {@code ctx}'s query (also the dashboard's, through {@link BotConsole}). */
    static BotQuery query(Context ctx) {
        FieldErrors errors = new FieldErrors();
        Instant after = instant(ctx, "join_at_after", errors);
        Instant before = instant(ctx, "join_at_before", errors);
        List<String> statuses = new ArrayList<>();
        for (String value : ctx.queryParams("status")) {
            for (String s : value.split(",", -1)) {
                if (!s.isBlank()) {
                    statuses.add(s.strip());
                }
            }
        }
        String meetingId = null;
        String meetingUrl = ctx.queryParam("meeting_url");
        if (meetingUrl != null && !meetingUrl.isBlank()) {
            try {
                meetingId = MeetingUrl.parse(meetingUrl).meetingId();
            } catch (IllegalArgumentException e) {
                errors.add("meeting_url", String.valueOf(e.getMessage()));
            }
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        ctx.queryParamMap().forEach((name, values) -> {
            if (name.startsWith(METADATA_PREFIX) && name.length() > METADATA_PREFIX.length() && !values.isEmpty()) {
                metadata.put(name.substring(METADATA_PREFIX.length()), values.getLast());
            }
        });
        int pageSize = pageSize(ctx, errors);
        PageCursor cursor = null;
        String cursorText = ctx.queryParam("cursor");
        if (cursorText != null && !cursorText.isBlank()) {
            cursor = PageCursor.decode(cursorText.strip());
            if (cursor == null) {
                errors.add("cursor", "Invalid cursor.");
            }
        }
        errors.throwIfAny();
        return new BotQuery(after, before, statuses, meetingId, metadata, pageSize, cursor);
    }

    private static @Nullable Instant instant(Context ctx, String name, FieldErrors errors) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            return null;
        }
        Instant at = Timestamps.parse(text);
        if (at == null) {
            errors.add(name, "Must be an ISO-8601 date-time with a time zone.");
        }
        return at;
    }

    private static int pageSize(Context ctx, FieldErrors errors) {
        String text = ctx.queryParam("page_size");
        if (text == null || text.isBlank()) {
            return DEFAULT_PAGE;
        }
        try {
            int size = Integer.parseInt(text.strip());
            if (size >= 1 && size <= MAX_PAGE) {
                return size;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add("page_size", "Must be a whole number from 1 to " + MAX_PAGE + ".");
        return DEFAULT_PAGE;
    }

    /** The same request with {@code cursor} replaced: clients treat it as opaque. */
    private static @Nullable String link(Context ctx, @Nullable PageCursor cursor) {
        if (cursor == null) {
            return null;
        }
        StringBuilder url = new StringBuilder(ctx.url()).append('?');
        ctx.queryParamMap().forEach((name, values) -> {
            if (!name.equals("cursor")) {
                for (String value : values) {
                    url.append(encode(name)).append('=').append(encode(value)).append('&');
                }
            }
        });
        return url.append("cursor=").append(cursor.encode()).toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
