package dev.signet.emulator.join;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signet.emulator.http.EmulatorException;
import dev.signet.emulator.http.Json;
import dev.signet.emulator.meetings.Meeting;
import dev.signet.emulator.meetings.MeetingData;
import dev.signet.emulator.meetings.MeetingViews;
import dev.signet.emulator.meetings.Participant;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Host controls over HTTP, so tests and people can act as the host and as other participants. */
public final class HostRoutes {
    private static final String MEETING = "/emulator/meetings/{meetingNumber}";

    private final HostControls controls;
    private final MeetingViews views;
    private final Json json;

    public HostRoutes(HostControls controls, MeetingViews views, Json json) {
        this.controls = controls;
        this.views = views;
        this.json = json;
    }

    public void register(RoutesConfig routes) {
        routes.get(MEETING, this::state);
        routes.post(MEETING + "/start", ctx -> answer(ctx, controls.start(number(ctx), text(ctx, "user_id"))));
        routes.post(
                MEETING + "/people",
                ctx -> answer(ctx, controls.person(number(ctx), text(ctx, "display_name"), text(ctx, "user_id"))));
        routes.post(MEETING + "/participants/{participantId}/admit", ctx -> {
            controls.admit(number(ctx), ctx.pathParam("participantId"));
            ctx.status(204);
        });
        routes.post(MEETING + "/participants/{participantId}/remove", ctx -> {
            controls.remove(number(ctx), ctx.pathParam("participantId"));
            ctx.status(204);
        });
        routes.post(MEETING + "/lock", ctx -> {
            JsonNode locked = body(ctx).get("locked");
            if (locked == null || !locked.isBoolean()) {
                throw EmulatorException.badRequest("locked must be true or false");
            }
            controls.lock(number(ctx), locked.asBoolean());
            ctx.status(204);
        });
        routes.post(MEETING + "/end", ctx -> {
            controls.end(number(ctx));
            ctx.status(204);
        });
    }

    private void state(Context ctx) {
        Meeting meeting = controls.meeting(number(ctx));
        MeetingData data = meeting.data();
        json.send(
                ctx,
                200,
                new MeetingState(
                        data.id(),
                        data.schedule().topic(),
                        data.accountId(),
                        data.hostId(),
                        data.status(),
                        data.locked(),
                        data.password() != null && !data.password().isEmpty(),
                        views.joinUrl(data),
                        new MeetingState.Settings(
                                data.settings().meetingAuthentication(),
                                data.settings().authenticationDomains(),
                                data.settings().waitingRoom(),
                                data.settings().joinBeforeHost(),
                                data.capacity()),
                        meeting.participants()));
    }

    private void answer(Context ctx, Participant participant) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("participant_id", participant.id());
        json.send(ctx, 200, body);
    }

    private static String number(Context ctx) {
        return ctx.pathParam("meetingNumber");
    }

    private @Nullable String text(Context ctx, String field) throws Exception {
        JsonNode value = body(ctx).get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw EmulatorException.badRequest(field + " must be a string");
        }
        return value.asText();
    }

    private JsonNode body(Context ctx) throws Exception {
        String text = ctx.body();
        if (text.isBlank()) {
            return json.mapper().createObjectNode();
        }
        JsonNode node = json.mapper().readTree(text);
        if (node == null || !node.isObject()) {
            throw EmulatorException.badRequest("the request body must be a JSON object");
        }
        return node;
    }
}
