package dev.signet.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** The platform's bot API (CONTRACTS.md §1) as a bot creator calls it. */
final class Api {
    static final Set<String> FINAL = Set.of("done", "fatal");
    static final Duration WAIT = Duration.ofSeconds(60);

    private final Http http;
    private final Supplier<URI> base;
    private final String apiKey;

    Api(Http http, Supplier<URI> base, String apiKey) {
        this.http = http;
        this.base = base;
        this.apiKey = apiKey;
    }

    /** Every response body the platform's API answered to this client. */
    List<String> transcript() {
        return http.transcript();
    }

    /** A create-bot body for {@code meetingUrl}; callers add fields. */
    static ObjectNode body(String meetingUrl, String botName, @Nullable String zakUrl) {
        ObjectNode body = Http.JSON.createObjectNode();
        body.put("meeting_url", meetingUrl);
        body.put("bot_name", botName);
        body.putObject("metadata").put("suite", "e2e");
        if (zakUrl != null) {
            body.putObject("zoom").put("zak_url", zakUrl);
        }
        return body;
    }

    /** Creates a bot; returns the 201 body. */
    JsonNode create(ObjectNode body) {
        Http.Reply reply = call("POST", "/api/v1/bot/", body);
        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        return reply.json();
    }

    String createBot(String meetingUrl, String botName, @Nullable String zakUrl) {
        return create(body(meetingUrl, botName, zakUrl)).get("id").asText();
    }

    JsonNode bot(String id) {
        Http.Reply reply = call("GET", "/api/v1/bot/" + id + "/", null);
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.json();
    }

    void leaveCall(String id) {
        Http.Reply reply = call("POST", "/api/v1/bot/" + id + "/leave_call/", null);
        assertThat(reply.status()).as(reply.text()).isBetween(200, 299);
    }

    Http.Reply call(String method, String path, @Nullable Object body) {
        return http.send(method, base.get().resolve(path), body, Map.of("Authorization", "Token " + apiKey));
    }

    /** The last status change of a bot. */
    static JsonNode last(JsonNode bot) {
        JsonNode changes = bot.get("status_changes");
        assertThat(changes.size()).as("status_changes of %s", bot).isPositive();
        return changes.get(changes.size() - 1);
    }

    static List<String> codes(JsonNode bot) {
        List<String> codes = new ArrayList<>();
        bot.get("status_changes").forEach(c -> codes.add(c.get("code").asText()));
        return codes;
    }

    /** Waits until the bot's current status is one of {@code codes}; returns the bot. */
    JsonNode awaitStatus(String id, Set<String> codes) {
        JsonNode[] seen = new JsonNode[1];
        await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            seen[0] = bot(id);
            assertThat(last(seen[0]).get("code").asText())
                    .as("status of bot %s: %s", id, seen[0].get("status_changes"))
                    .isIn(codes);
        });
        return seen[0];
    }

    JsonNode awaitStatus(String id, String code) {
        return awaitStatus(id, Set.of(code));
    }

    /** Waits until the bot is {@code done} or {@code fatal}; returns the bot. */
    JsonNode awaitFinal(String id) {
        return awaitStatus(id, FINAL);
    }

    /** Waits for {@code fatal} and checks its sub-code; returns the fatal status change. */
    JsonNode awaitFatal(String id, String subCode) {
        JsonNode last = last(awaitFinal(id));
        assertThat(last.get("code").asText()).as(last.toString()).isEqualTo("fatal");
        assertThat(last.get("sub_code").asText()).as(last.toString()).isEqualTo(subCode);
        assertThat(last.get("message").asText()).as(last.toString()).isNotBlank();
        return last;
    }

    /** Waits for {@code done} after {@code call_ended} / {@code subCode}; returns the call_ended change. */
    JsonNode awaitCallEnded(String id, String subCode) {
        JsonNode bot = awaitFinal(id);
        assertThat(last(bot).get("code").asText())
                .as(bot.get("status_changes").toString())
                .isEqualTo("done");
        JsonNode changes = bot.get("status_changes");
        JsonNode ended = changes.get(changes.size() - 2);
        assertThat(ended.get("code").asText()).as(changes.toString()).isEqualTo("call_ended");
        assertThat(ended.get("sub_code").asText()).as(changes.toString()).isEqualTo(subCode);
        return ended;
    }
}
