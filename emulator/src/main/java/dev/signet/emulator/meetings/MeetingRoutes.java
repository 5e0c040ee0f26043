package dev.signet.emulator.meetings;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signet.emulator.directory.Directory;
import dev.signet.emulator.directory.User;
import dev.signet.emulator.gateway.UserResolver;
import dev.signet.emulator.gateway.ZoomApi;
import dev.signet.emulator.http.Json;
import dev.signet.emulator.http.ZoomApiException;
import dev.signet.emulator.oauth.AccessToken;
import dev.signet.emulator.oauth.Scopes;
import dev.signet.emulator.ratelimit.Category;
import dev.signet.emulator.tokens.RecordingTokens;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Zoom's meetings API: create, get, update, delete, end ({@code PUT …/status}) and the local-recording join token.
 */
public final class MeetingRoutes {
    private final ZoomApi api;
    private final MeetingStore meetings;
    private final UserResolver users;
    private final Directory directory;
    private final MeetingViews views;
    private final RecordingTokens recordingTokens;
    private final Json json;

    public MeetingRoutes(
            ZoomApi api,
            MeetingStore meetings,
            UserResolver users,
            Directory directory,
            MeetingViews views,
            RecordingTokens recordingTokens,
            Json json) {
        this.api = api;
        this.meetings = meetings;
        this.recordingTokens = recordingTokens;
        this.users = users;
        this.directory = directory;
        this.views = views;
        this.json = json;
    }

    public void register(RoutesConfig routes) {
        api.route(routes, "POST", "/v2/users/{userId}/meetings", Category.MEDIUM, this::create);
        api.route(routes, "GET", "/v2/meetings/{meetingId}", Category.LIGHT, this::get);
        api.route(routes, "PATCH", "/v2/meetings/{meetingId}", Category.LIGHT, this::update);
        api.route(routes, "DELETE", "/v2/meetings/{meetingId}", Category.LIGHT, this::delete);
        api.route(routes, "PUT", "/v2/meetings/{meetingId}/status", Category.LIGHT, this::status);
        api.route(
                routes,
                "GET",
                "/v2/meetings/{meetingId}/jointoken/local_recording",
                Category.LIGHT,
                this::localRecordingToken);
    }

    /** Zoom's local-recording join token: for the meeting's own account only (others: 3001), 120 s. */
    private void localRecordingToken(Context ctx, AccessToken token) {
        Scopes.require(token, "meeting:read:local_recording_token");
        Meeting meeting = find(ctx, token);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token", recordingTokens.mint(meeting.id()));
        body.put("expire_in", RecordingTokens.LIFE.toSeconds());
        ctx.header("Cache-Control", "no-store");
        json.send(ctx, 200, body);
    }

    private void create(Context ctx, AccessToken token) throws Exception {
        Scopes.require(token, "meeting:write:meeting");
        User host = users.resolve(ctx.pathParam("userId"), token);
        MeetingUpdate body = MeetingBody.read(json.mapper().readTree(ctx.body()));
        MeetingSchedule schedule = body.applyTo(MeetingSchedule.of("Zoom meeting"));
        MeetingSettings settings = body.applyTo(MeetingSettings.DEFAULTS);
        int capacity = directory
                .findAccount(host.accountId())
                .map(a -> Capacity.of(a.plan()))
                .orElse(100);
        Meeting meeting = meetings.create(
                new MeetingSpec(0, host.accountId(), host.id(), schedule, body.password(), settings, capacity));
        json.send(ctx, 201, views.rest(meeting.data()));
    }

    private void get(Context ctx, AccessToken token) {
        Scopes.require(token, "meeting:read:meeting");
        json.send(ctx, 200, views.rest(find(ctx, token).data()));
    }

    private void update(Context ctx, AccessToken token) throws Exception {
        Scopes.require(token, "meeting:update:meeting", "meeting:write:meeting");
        Meeting meeting = find(ctx, token);
        MeetingUpdate update = MeetingBody.read(json.mapper().readTree(ctx.body()));
        meeting.update(update, meetings.newEncryptedPassword());
        ctx.status(204);
    }

    private void delete(Context ctx, AccessToken token) {
        Scopes.require(token, "meeting:delete:meeting", "meeting:write:meeting");
        Meeting meeting = find(ctx, token);
        meetings.delete(meeting.id());
        ctx.status(204);
    }

    private void status(Context ctx, AccessToken token) throws Exception {
        Scopes.require(token, "meeting:update:status", "meeting:update:meeting", "meeting:write:meeting");
        Meeting meeting = find(ctx, token);
        JsonNode body = json.mapper().readTree(ctx.body());
        String action = body == null ? "" : body.path("action").asText("");
        if (!action.equals("end")) {
            throw ZoomApiException.validation("action", "Invalid field.");
        }
        meeting.end();
        ctx.status(204);
    }

    private Meeting find(Context ctx, AccessToken token) {
        String raw = ctx.pathParam("meetingId");
        long id;
        try {
            id = Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw ZoomApiException.meetingNotFound(raw);
        }
        return meetings.find(id)
                .filter(m -> m.accountId().equals(token.accountId()))
                .orElseThrow(() -> ZoomApiException.meetingNotFound(raw));
    }
}
