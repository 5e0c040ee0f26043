package dev.signet.platform.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signet.platform.bot.BotConsole;
import dev.signet.platform.dashboard.Model.BotRow;
import dev.signet.platform.http.JsonCodec;
import dev.signet.platform.http.ValidationException;
import dev.signet.platform.time.Pause;
import io.javalin.http.sse.SseClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * {@code GET /live?<the list's filters>}: server-sent events for an open bot list (decision 0022). Each open list
 * re-reads its own page through the bot API's service every {@code interval} and sends a {@code bot} event for
 * every bot whose status changed ({@code new} when a bot appears that the page does not show). Reading the database
 * rather than listening in-process means a change made by any replica reaches every open page.
 */
final class LiveStream {
    private final Sessions sessions;
    private final BotConsole bots;
    private final Views views;
    private final JsonCodec json;
    private final Pause pause;
    private final Duration interval;

    LiveStream(Sessions sessions, BotConsole bots, Views views, JsonCodec json, Pause pause, Duration interval) {
        this.sessions = sessions;
        this.bots = bots;
        this.views = views;
        this.json = json;
        this.pause = pause;
        this.interval = interval;
    }

    void stream(SseClient client) {
        var ctx = client.ctx();
        Web.headers(ctx);
        Map<String, String> shown = new HashMap<>();
        boolean first = true;
        while (!client.terminated()) {
            if (sessions.find(ctx).isEmpty()) {
                client.sendEvent("signed-out", "{}");
                return;
            }
            BotConsole.Listing listing;
            try {
                listing = bots.list(ctx);
            } catch (ValidationException e) {
                return; // the page showed the filter errors; nothing to follow
            }
            for (JsonNode bot : listing.results()) {
                BotRow row = views.row(bot);
                String key = row.status().code() + "|" + row.status().subCode() + "|"
                        + row.updated().iso();
                String before = shown.put(row.id(), key);
                if (first || !Objects.equals(before, key)) {
                    client.sendEvent(before == null && !first ? "new" : "bot", json.write(event(row)));
                }
            }
            first = false;
            client.sendComment("tick"); // also how a closed connection is noticed
            try {
                pause.pause(interval);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static Map<String, Object> event(BotRow row) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", row.id());
        out.put("name", row.name());
        out.put("code", row.status().code());
        out.put("sub_code", row.status().subCode() == null ? "" : row.status().subCode());
        out.put("label", row.status().label());
        out.put("tone", row.status().tone());
        out.put("at", row.updated().iso());
        out.put("at_absolute", row.updated().absolute());
        out.put("at_relative", row.updated().relative());
        return out;
    }
}
