package dev.signet.platform.bot;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signet.platform.http.JsonCodec;
import io.javalin.http.Context;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The bot API's operations for another front end in this process (the dashboard): the same {@link BotService},
 * the same request parser and list filters, and bots in the API's JSON shape (token URLs redacted as the API shows
 * them). Failures are the API's: {@code ValidationException} names the bad fields, {@code ApiException} the rest.
 */
public final class BotConsole {
    private final BotService service;
    private final BotRequestParser parser;
    private final JsonCodec json;

    BotConsole(BotService service, BotRequestParser parser, JsonCodec json) {
        this.service = service;
        this.parser = parser;
        this.json = json;
    }

    /**
     * One page of bots.
     *
     * @param results the bots in the API's JSON shape, newest first
     * @param next the cursor of the next page, or {@code null}
     * @param previous the cursor of the previous page, or {@code null}
     */
    public record Listing(
            List<JsonNode> results,
            @Nullable String next,
            @Nullable String previous) {
        public Listing {
            results = List.copyOf(results);
        }
    }

    /** Lists bots with the API's query parameters of {@code ctx} ({@code status}, {@code meeting_url}, …). */
    public Listing list(Context ctx) {
        BotPage page = service.list(BotRoutes.query(ctx));
        return new Listing(
                page.results().stream().map(this::tree).toList(),
                page.next() == null ? null : page.next().encode(),
                page.previous() == null ? null : page.previous().encode());
    }

    /** The bot in the API's JSON shape. */
    public JsonNode get(UUID id) {
        return tree(service.get(id));
    }

    /** Creates a bot from a body of the API's {@code POST /api/v1/bot/} shape. */
    public JsonNode create(JsonNode body) {
        return tree(service.create(parser.create(body)));
    }

    /** Asks the bot to leave its call. */
    public JsonNode leave(UUID id) {
        return tree(service.leave(id));
    }

    /** Deletes a scheduled bot that has not started. */
    public void delete(UUID id) {
        service.delete(id);
    }

    private JsonNode tree(BotView view) {
        return json.mapper().valueToTree(view);
    }
}
