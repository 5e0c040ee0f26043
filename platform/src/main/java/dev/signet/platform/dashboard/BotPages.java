package dev.signet.platform.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.signet.platform.bot.BotConsole;
import dev.signet.platform.dashboard.Model.BotForm;
import dev.signet.platform.dashboard.Model.BotPage;
import dev.signet.platform.dashboard.Model.BotsPage;
import dev.signet.platform.dashboard.Model.Filter;
import dev.signet.platform.dashboard.Model.NewBotPage;
import dev.signet.platform.dashboard.Sessions.Session;
import dev.signet.platform.http.ApiException;
import dev.signet.platform.http.ValidationException;
import dev.signet.platform.webhook.DeliveryConsole;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The bot pages: the list (server-rendered, then live), one bot, the create form, Leave and Delete. */
final class BotPages {
    private static final String METADATA_PREFIX = "metadata__";

    private final Web web;
    private final BotConsole bots;
    private final DeliveryConsole deliveries;
    private final Views views;

    BotPages(Web web, BotConsole bots, DeliveryConsole deliveries, Views views) {
        this.web = web;
        this.bots = bots;
        this.deliveries = deliveries;
        this.views = views;
    }

    void list(Context ctx, Session session) {
        String typed = ctx.queryParam("metadata");
        if (typed != null) {
            // The filter form's "key=value" becomes the API's metadata__key=value.
            Web.redirect(ctx, "/bots" + query(ctx, "metadata", metadataParam(typed)));
            return;
        }
        Filter filter = new Filter(
                param(ctx, "status"),
                param(ctx, "meeting_url"),
                metadataShown(ctx),
                param(ctx, "join_at_after"),
                param(ctx, "join_at_before"));
        Map<String, List<String>> errors = Map.of();
        List<Model.BotRow> rows = List.of();
        String next = null;
        String previous = null;
        try {
            BotConsole.Listing listing = bots.list(ctx);
            rows = listing.results().stream().map(views::row).toList();
            next = listing.next() == null ? null : "/bots" + query(ctx, "cursor", "cursor=" + listing.next());
            previous =
                    listing.previous() == null ? null : "/bots" + query(ctx, "cursor", "cursor=" + listing.previous());
        } catch (ValidationException e) {
            errors = e.errors();
        }
        String live = "/live" + query(ctx, "", "");
        web.render(
                ctx,
                errors.isEmpty() ? 200 : 400,
                "bots.jte",
                new BotsPage(Web.chrome(ctx, "Bots", session, "bots"), filter, rows, next, previous, live, errors));
    }

    void show(Context ctx, Session session) {
        UUID id = id(ctx);
        JsonNode bot = bots.get(id);
        var detail = views.detail(bot);
        var rows = deliveries.forBot(id, 50).stream().map(views::delivery).toList();
        web.render(
                ctx, 200, "bot.jte", new BotPage(Web.chrome(ctx, detail.row().name(), session, "bots"), detail, rows));
    }

    void form(Context ctx, Session session) {
        showForm(ctx, session, 200, BotForm.EMPTY, Map.of(), false);
    }

    void create(Context ctx, Session session) {
        BotForm form = new BotForm(
                form(ctx, "meeting_url"),
                form(ctx, "bot_name"),
                form(ctx, "join_at"),
                form(ctx, "metadata"),
                form(ctx, "waiting_room_timeout"),
                form(ctx, "noone_joined_timeout"),
                form(ctx, "everyone_left_timeout"));
        String zakUrl = form(ctx, "zak_url");
        String obfUrl = form(ctx, "obf_token_url");
        boolean typedTokens = !zakUrl.isBlank() || !obfUrl.isBlank();
        Map<String, List<String>> errors = new LinkedHashMap<>();
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        putIfPresent(body, "meeting_url", form.meetingUrl());
        putIfPresent(body, "bot_name", form.botName());
        putIfPresent(body, "join_at", form.joinAt());
        ObjectNode metadata = body.putObject("metadata");
        String[] lines = form.metadata().split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                errors.computeIfAbsent("metadata", k -> new ArrayList<>())
                        .add("Line " + (i + 1) + ": write key=value.");
            } else {
                metadata.put(
                        line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        ObjectNode leave = JsonNodeFactory.instance.objectNode();
        timeout(leave, "waiting_room_timeout", form.waitingRoomTimeout());
        timeout(leave, "noone_joined_timeout", form.nooneJoinedTimeout());
        timeout(leave, "everyone_left_timeout", form.everyoneLeftTimeout());
        if (!leave.isEmpty()) {
            body.set("automatic_leave", leave);
        }
        if (typedTokens) {
            ObjectNode zoom = body.putObject("zoom");
            putIfPresent(zoom, "zak_url", zakUrl);
            putIfPresent(zoom, "obf_token_url", obfUrl);
        }
        if (!errors.isEmpty()) {
            showForm(ctx, session, 400, form, errors, typedTokens);
            return;
        }
        try {
            JsonNode bot = bots.create(body);
            Web.redirect(ctx, "/bots/" + bot.path("id").asText() + "?notice=created");
        } catch (ValidationException e) {
            showForm(ctx, session, 400, form, e.errors(), typedTokens);
        }
    }

    void leave(Context ctx, Session session) {
        UUID id = id(ctx);
        bots.leave(id);
        Web.redirect(ctx, "/bots/" + id + "?notice=left");
    }

    void delete(Context ctx, Session session) {
        bots.delete(id(ctx));
        Web.redirect(ctx, "/bots?notice=deleted");
    }

    private void showForm(
            Context ctx,
            Session session,
            int status,
            BotForm form,
            Map<String, List<String>> errors,
            boolean tokenUrlsCleared) {
        web.render(
                ctx,
                status,
                "new-bot.jte",
                new NewBotPage(Web.chrome(ctx, "New bot", session, "new"), form, errors, tokenUrlsCleared));
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (!value.isBlank()) {
            node.put(field, value.strip());
        }
    }

    /** A whole number goes as a number; anything else as typed, so the API's validation names it. */
    private static void timeout(ObjectNode node, String field, String value) {
        if (value.isBlank()) {
            return;
        }
        try {
            node.put(field, Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            node.put(field, value.strip());
        }
    }

    static UUID id(Context ctx) {
        try {
            return UUID.fromString(ctx.pathParam("id"));
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("No bot with this id.");
        }
    }

    private static String form(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value;
    }

    private static String param(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value == null ? "" : value;
    }

    private static String metadataShown(Context ctx) {
        StringBuilder out = new StringBuilder();
        ctx.queryParamMap().forEach((name, values) -> {
            if (name.startsWith(METADATA_PREFIX) && !values.isEmpty()) {
                out.append(out.isEmpty() ? "" : " ")
                        .append(name.substring(METADATA_PREFIX.length()))
                        .append('=')
                        .append(values.getLast());
            }
        });
        return out.toString();
    }

    private static String metadataParam(String typed) {
        StringBuilder out = new StringBuilder();
        for (String pair : typed.strip().split("\\s+", -1)) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.append(out.isEmpty() ? "" : "&")
                        .append(encode(METADATA_PREFIX + pair.substring(0, eq)))
                        .append('=')
                        .append(encode(pair.substring(eq + 1)));
            }
        }
        return out.toString();
    }

    /** The request's query without {@code drop} (and without {@code notice}), with {@code add} appended. */
    static String query(Context ctx, String drop, String add) {
        StringBuilder out = new StringBuilder();
        ctx.queryParamMap().forEach((name, values) -> {
            if (!name.equals(drop) && !name.equals("notice")) {
                for (String value : values) {
                    if (!value.isBlank()) {
                        out.append(out.isEmpty() ? "?" : "&")
                                .append(encode(name))
                                .append('=')
                                .append(encode(value));
                    }
                }
            }
        });
        if (!add.isEmpty()) {
            out.append(out.isEmpty() ? "?" : "&").append(add);
        }
        return out.toString();
    }

    private static String encode(@Nullable String text) {
        return URLEncoder.encode(String.valueOf(text), StandardCharsets.UTF_8);
    }
}
