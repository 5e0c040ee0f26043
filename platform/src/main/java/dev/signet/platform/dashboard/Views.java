package dev.signet.platform.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signet.platform.dashboard.Model.BotDetail;
import dev.signet.platform.dashboard.Model.BotRow;
import dev.signet.platform.dashboard.Model.DeliveryRow;
import dev.signet.platform.dashboard.Model.ParticipantRow;
import dev.signet.platform.dashboard.Model.Status;
import dev.signet.platform.dashboard.Model.StatusLine;
import dev.signet.platform.webhook.Delivery;
import dev.signet.platform.webhook.DeliveryStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Turns the API's bot JSON and outbox rows into what the templates show. */
final class Views {
    /** The statuses a bot can be asked to leave from (CONTRACTS.md §1: in or on its way into a call). */
    private static final Set<String> LEAVABLE = Set.of("joining_call", "in_waiting_room", "in_call_not_recording");

    private final Times times;

    Views(Times times) {
        this.times = times;
    }

    static Status status(String code, @Nullable String subCode) {
        return switch (code) {
            case "ready" -> new Status(code, subCode, "Ready", "idle");
            case "joining_call" -> new Status(code, subCode, "Joining", "busy");
            case "in_waiting_room" -> new Status(code, subCode, "In waiting room", "busy");
            case "in_call_not_recording" -> new Status(code, subCode, "In call", "live");
            case "call_ended" -> new Status(code, subCode, "Call ended", "ended");
            case "done" -> new Status(code, subCode, "Done", "ended");
            case "fatal" -> new Status(code, subCode, "Fatal", "bad");
            default -> new Status(code, subCode, code, "idle");
        };
    }

    BotRow row(JsonNode bot) {
        JsonNode last = lastChange(bot);
        String code = last == null ? "ready" : text(last, "code");
        String at = last == null ? text(bot, "created_at") : text(last, "created_at");
        return new BotRow(
                text(bot, "id"),
                text(bot, "bot_name"),
                status(code, last == null ? null : nullableText(last, "sub_code")),
                text(bot.path("meeting_url"), "meeting_id"),
                times.parse(nullableText(bot, "join_at")),
                times.of(Instant.parse(at)),
                strings(bot.path("metadata")));
    }

    BotDetail detail(JsonNode bot) {
        BotRow row = row(bot);
        List<StatusLine> timeline = new ArrayList<>();
        for (JsonNode c : bot.path("status_changes")) {
            timeline.add(new StatusLine(
                    status(text(c, "code"), nullableText(c, "sub_code")),
                    nullableText(c, "message"),
                    times.of(Instant.parse(text(c, "created_at")))));
        }
        List<ParticipantRow> participants = new ArrayList<>();
        for (JsonNode p : bot.path("meeting_participants")) {
            participants.add(new ParticipantRow(
                    text(p, "name"),
                    nullableText(p, "email"),
                    p.path("signed_in").asBoolean(false),
                    p.path("is_host").asBoolean(false)));
        }
        Map<String, String> leave = new LinkedHashMap<>();
        bot.path("automatic_leave")
                .properties()
                .forEach(e -> leave.put(e.getKey(), e.getValue().toString()));
        String code = row.status().code();
        return new BotDetail(
                row,
                !bot.path("meeting_url").path("meeting_password").isNull()
                        && !bot.path("meeting_url").path("meeting_password").isMissingNode(),
                times.of(Instant.parse(text(bot, "created_at"))),
                leave,
                strings(bot.path("zoom")),
                timeline,
                participants,
                LEAVABLE.contains(code),
                code.equals("ready"));
    }

    DeliveryRow delivery(Delivery d) {
        return new DeliveryRow(
                d.id(),
                d.event(),
                d.botId() == null ? null : d.botId().toString(),
                d.endpoint(),
                d.status().wire(),
                d.attempts(),
                d.status() == DeliveryStatus.PENDING ? times.of(d.nextAttemptAt()) : null,
                d.lastError(),
                times.of(d.createdAt()));
    }

    private static @Nullable JsonNode lastChange(JsonNode bot) {
        JsonNode changes = bot.path("status_changes");
        return changes.isArray() && !changes.isEmpty() ? changes.get(changes.size() - 1) : null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText() : "";
    }

    private static @Nullable String nullableText(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText() : null;
    }

    /** The string values of an object (non-null ones only). */
    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> out = new LinkedHashMap<>();
        object.properties().forEach(e -> {
            if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                out.put(e.getKey(), e.getValue().asText());
            }
        });
        return out;
    }
}
