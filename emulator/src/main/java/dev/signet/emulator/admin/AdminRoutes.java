package dev.signet.emulator.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signet.emulator.deauth.Deauthorizer;
import dev.signet.emulator.directory.Account;
import dev.signet.emulator.directory.Directory;
import dev.signet.emulator.directory.Plan;
import dev.signet.emulator.directory.User;
import dev.signet.emulator.faults.Faults;
import dev.signet.emulator.http.EmulatorException;
import dev.signet.emulator.http.Json;
import dev.signet.emulator.meetings.Meeting;
import dev.signet.emulator.meetings.MeetingStore;
import dev.signet.emulator.oauth.Grants;
import dev.signet.emulator.oauth.TokenStore;
import dev.signet.emulator.seed.Seed;
import dev.signet.emulator.seed.SeedLoader;
import dev.signet.emulator.tokens.UserTokens;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The admin API under {@code /emulator/admin}: seed data at run time, faults, plans, blocking, deletion, sign-out,
 * and a user removing an app (deauthorization).
 */
public final class AdminRoutes {
    private static final String ADMIN = "/emulator/admin";

    private final Directory directory;
    private final MeetingStore meetings;
    private final SeedLoader loader;
    private final UserTokens userTokens;
    private final TokenStore accessTokens;
    private final Grants grants;
    private final Faults faults;
    private final Deauthorizer deauthorizer;
    private final Json json;

    public AdminRoutes(
            Directory directory,
            MeetingStore meetings,
            SeedLoader loader,
            UserTokens userTokens,
            TokenStore accessTokens,
            Grants grants,
            Faults faults,
            Deauthorizer deauthorizer,
            Json json) {
        this.directory = directory;
        this.meetings = meetings;
        this.loader = loader;
        this.userTokens = userTokens;
        this.accessTokens = accessTokens;
        this.grants = grants;
        this.faults = faults;
        this.deauthorizer = deauthorizer;
        this.json = json;
    }

    public void register(RoutesConfig routes) {
        routes.post(ADMIN + "/seed", this::seed);
        routes.put(ADMIN + "/accounts/{accountId}/plan", this::plan);
        routes.post(ADMIN + "/accounts/{accountId}/block", this::block);
        routes.delete(ADMIN + "/users/{userId}", this::deleteUser);
        routes.post(ADMIN + "/users/{userId}/sign-out", this::signOut);
        routes.post(ADMIN + "/users/{userId}/deauthorize", this::deauthorize);
        routes.post(ADMIN + "/faults", this::fault);
        routes.put(ADMIN + "/latency", this::latency);
        routes.delete(ADMIN + "/faults", ctx -> {
            faults.clear();
            ctx.status(204);
        });
    }

    private void seed(Context ctx) {
        String type = String.valueOf(ctx.contentType()).toLowerCase(Locale.ROOT);
        Seed seed = type.contains("yaml") ? Seed.fromYaml(ctx.body()) : Seed.fromJson(ctx.body());
        loader.load(seed);
        ctx.status(204);
    }

    private void plan(Context ctx) throws Exception {
        Plan plan = Plan.parse(text(body(ctx), "plan"));
        Account account = account(ctx);
        directory.setPlan(account.id(), plan);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("account_id", account.id());
        answer.put("plan", plan.wireName());
        json.send(ctx, 200, answer);
    }

    private void block(Context ctx) throws Exception {
        JsonNode blocked = body(ctx).get("blocked");
        if (blocked == null || !blocked.isBoolean()) {
            throw EmulatorException.badRequest("blocked must be true or false");
        }
        directory.setBlocked(account(ctx).id(), blocked.asBoolean());
        ctx.status(204);
    }

    private void deleteUser(Context ctx) {
        User user = directory
                .deleteUser(ctx.pathParam("userId"))
                .orElseThrow(() -> EmulatorException.notFound("user " + ctx.pathParam("userId")));
        userTokens.revokeUser(user.id());
        accessTokens.revokeUser(user.id());
        grants.revokeUser(user.id());
        for (Meeting meeting : meetings.all()) {
            if (meeting.hostId().equals(user.id())) {
                meetings.delete(meeting.id());
            }
        }
        ctx.status(204);
    }

    private void signOut(Context ctx) {
        User user = directory
                .findUser(ctx.pathParam("userId"))
                .orElseThrow(() -> EmulatorException.notFound("user " + ctx.pathParam("userId")));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("user_id", user.id());
        answer.put("revoked_zaks", userTokens.signOut(user.id()));
        json.send(ctx, 200, answer);
    }

    private void deauthorize(Context ctx) {
        String clientId = ctx.queryParam("client_id");
        if (clientId == null && ctx.isFormUrlencoded()) {
            clientId = ctx.formParam("client_id");
        }
        if (clientId == null || clientId.isBlank()) {
            throw EmulatorException.badRequest("client_id is required");
        }
        Deauthorizer.Outcome outcome = deauthorizer.deauthorize(ctx.pathParam("userId"), clientId);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("user_id", outcome.user().id());
        answer.put("account_id", outcome.user().accountId());
        answer.put("client_id", outcome.app().clientId());
        answer.put("deauthorization_time", Deauthorizer.zoomTime(outcome.at()));
        answer.put("event", outcome.delivery());
        json.send(ctx, 200, answer);
    }

    private void fault(Context ctx) throws Exception {
        JsonNode body = body(ctx);
        String endpoint = text(body, "endpoint");
        int count = body.path("count").asInt(1);
        int status = body.path("status").asInt(500);
        String answer = body.path("body").asText("{\"code\":500,\"message\":\"Injected failure.\"}");
        String type = body.path("content_type").asText("application/json;charset=UTF-8");
        Map<String, String> headers = new LinkedHashMap<>();
        JsonNode extra = body.path("headers");
        if (!extra.isMissingNode() && !extra.isObject()) {
            throw EmulatorException.badRequest("headers must be an object of header names to values");
        }
        for (Map.Entry<String, JsonNode> header : extra.properties()) {
            if (!header.getValue().isValueNode()) {
                throw EmulatorException.badRequest("headers must be an object of header names to values");
            }
            headers.put(header.getKey(), header.getValue().asText());
        }
        faults.failNext(endpoint, count, new Faults.Failure(status, answer, type, headers));
        ctx.status(204);
    }

    private void latency(Context ctx) throws Exception {
        JsonNode body = body(ctx);
        JsonNode millis = body.get("millis");
        if (millis == null || !millis.canConvertToLong() || millis.asLong() < 0) {
            throw EmulatorException.badRequest("millis must be a number of milliseconds (0 removes the latency)");
        }
        String endpoint = body.path("endpoint").asText(Faults.ANY);
        faults.setLatency(endpoint, Duration.ofMillis(millis.asLong()));
        ctx.status(204);
    }

    private Account account(Context ctx) {
        String id = ctx.pathParam("accountId");
        return directory.findAccount(id).orElseThrow(() -> EmulatorException.notFound("account " + id));
    }

    private JsonNode body(Context ctx) throws Exception {
        JsonNode node = json.mapper().readTree(ctx.body().isBlank() ? "{}" : ctx.body());
        if (node == null || !node.isObject()) {
            throw EmulatorException.badRequest("the request body must be a JSON object");
        }
        return node;
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw EmulatorException.badRequest(field + " is required");
        }
        return value.asText();
    }
}
