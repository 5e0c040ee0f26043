package dev.signet.app.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signet.emulator.seed.DemoSeed;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * The demo's story, told entirely over the public HTTP interfaces: Zoom's REST API and host controls on the emulator,
 * the Recall-compatible bot API on the platform.
 */
final class DemoScenario {
    private static final Set<String> FINAL = Set.of("done", "fatal");
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(60);

    private final DemoStack stack;
    private final JsonHttp http;
    private final Timeline timeline;
    private final Clock clock;

    /** What the story produced: bot ids by scenario and the two meetings. */
    record Result(String anonymousBot, String signedInBot, String hostBot, String meeting, String unstartedMeeting) {}

    DemoScenario(DemoStack stack, JsonHttp http, Timeline timeline, Clock clock) {
        this.stack = stack;
        this.http = http;
        this.timeline = timeline;
        this.clock = clock;
    }

    Result run() {
        String zoomToken = s2sAccessToken();
        timeline.section("The host schedules a meeting that only signed-in Zoom users can join");
        JsonNode meeting = createMeeting(zoomToken, "Acme board meeting", true);
        String meetingId = meeting.path("id").asText();
        String joinUrl = meeting.path("join_url").asText();
        timeline.event("Zoom REST: created meeting " + meetingId + " with meeting_authentication=true");
        post(emulator("/emulator/meetings/" + meetingId + "/start"), Map.of());
        timeline.event("the host (" + DemoSeed.HOST_EMAIL + ") started the meeting");

        timeline.section("1. A bot without zoom.zak_url: Zoom turns it away");
        String anonymous = createBot(joinUrl, "Anonymous Notetaker", null);
        JsonNode bot1 = awaitStatus(anonymous, FINAL);
        timeline.note("-> " + lastStatus(bot1));

        timeline.section("2. A bot whose zoom.zak_url points at the token broker: it joins signed in");
        String signedIn = createBot(joinUrl, "Acme Notetaker", stack.zakUrl(""));
        awaitStatus(signedIn, Set.of("in_call_not_recording", "done", "fatal"));
        showParticipants(meetingId);

        timeline.section("3. A bot with the host's ZAK starts a meeting before the host arrives");
        JsonNode later = createMeeting(zoomToken, "Acme planning (host not there yet)", true);
        String laterId = later.path("id").asText();
        timeline.event("Zoom REST: created meeting " + laterId + " (not started, no join before host)");
        String hostBot =
                createBot(later.path("join_url").asText(), "Acme Host Assistant", stack.zakUrl(DemoSeed.HOST_EMAIL));
        awaitStatus(hostBot, Set.of("in_call_not_recording", "done", "fatal"));
        JsonNode laterState = get(emulator("/emulator/meetings/" + laterId));
        timeline.note("meeting " + laterId + " status: "
                + laterState.path("status").asText() + " — started by the bot, as host");
        showParticipants(laterId);
        return new Result(anonymous, signedIn, hostBot, meetingId, laterId);
    }

    /** Asks the bots still in calls to leave, and waits until they are done. */
    void leaveAll(List<String> botIds) {
        for (String id : botIds) {
            JsonNode bot = get(api("/api/v1/bot/" + id + "/"));
            if (!FINAL.contains(lastCode(bot))) {
                post(api("/api/v1/bot/" + id + "/leave_call/"), Map.of());
                awaitStatus(id, FINAL, bot.path("status_changes").size());
            }
        }
    }

    private String s2sAccessToken() {
        String basic = Base64.getEncoder()
                .encodeToString((DemoSeed.ACME_S2S_CLIENT_ID + ":" + DemoSeed.ACME_S2S_CLIENT_SECRET)
                        .getBytes(StandardCharsets.UTF_8));
        JsonHttp.Reply reply = http.postForm(
                URI.create(stack.emulator().oauthBase() + "/oauth/token"),
                "grant_type=account_credentials&account_id="
                        + URLEncoder.encode(DemoSeed.ACME_ACCOUNT_ID, StandardCharsets.UTF_8),
                Map.of("Authorization", "Basic " + basic));
        expect(reply, 200, "Zoom OAuth");
        return reply.body().path("access_token").asText();
    }

    private JsonNode createMeeting(String accessToken, String topic, boolean signedInOnly) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("meeting_authentication", signedInOnly);
        settings.put("join_before_host", false);
        settings.put("waiting_room", false);
        JsonHttp.Reply reply = http.post(
                URI.create(stack.emulator().apiBase() + "/users/" + DemoSeed.HOST_USER_ID + "/meetings"),
                Map.of("topic", topic, "type", 2, "settings", settings),
                Map.of("Authorization", "Bearer " + accessToken));
        expect(reply, 201, "Zoom create meeting");
        return reply.body();
    }

    private String createBot(String meetingUrl, String name, @Nullable String zakUrl) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("meeting_url", meetingUrl);
        body.put("bot_name", name);
        body.put("metadata", Map.of("demo", "signet"));
        if (zakUrl != null) {
            body.put("zoom", Map.of("zak_url", zakUrl));
        }
        JsonHttp.Reply reply = http.post(api("/api/v1/bot/"), body, auth());
        expect(reply, 201, "create bot");
        String id = reply.body().path("id").asText();
        String shownUrl = reply.body().path("zoom").path("zak_url").asText("");
        timeline.event("POST /api/v1/bot/ \"" + name + "\" -> " + id
                + (shownUrl.isEmpty() ? " (no zak_url)" : " (zak_url shown redacted: " + shownUrl + ")"));
        return id;
    }

    private JsonNode awaitStatus(String botId, Set<String> wanted) {
        return awaitStatus(botId, wanted, 0);
    }

    /** Polls the bot, printing each status change after the first {@code printed}, until one in {@code wanted}. */
    private JsonNode awaitStatus(String botId, Set<String> wanted, int alreadyPrinted) {
        Instant deadline = clock.instant().plus(STEP_TIMEOUT);
        int printed = alreadyPrinted;
        while (true) {
            JsonNode bot = get(api("/api/v1/bot/" + botId + "/"));
            JsonNode changes = bot.path("status_changes");
            for (; printed < changes.size(); printed++) {
                timeline.event("bot status " + describe(changes.get(printed)));
            }
            String code = changes.isEmpty()
                    ? ""
                    : changes.get(changes.size() - 1).path("code").asText();
            if (wanted.contains(code)) {
                return bot;
            }
            if (clock.instant().isAfter(deadline)) {
                throw new IllegalStateException(
                        "bot " + botId + " did not reach " + wanted + " in time (at " + code + ")");
            }
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
    }

    private void showParticipants(String meetingId) {
        JsonNode state = get(emulator("/emulator/meetings/" + meetingId));
        timeline.note("in meeting " + meetingId + " (as Zoom shows it, "
                + stack.emulator().baseUrl() + "/meetings/" + meetingId + "):");
        for (JsonNode p : state.path("participants")) {
            if (p.path("status").asText().equals("left")) {
                continue; // e.g. the bot's own probe as an attendee before it started the meeting as host
            }
            String signedIn = p.path("signed_in_as").isTextual()
                    ? "signed in as " + p.path("signed_in_as").asText()
                    : "not signed in";
            String avatar = p.path("avatar_url").isTextual()
                    ? ", avatar " + p.path("avatar_url").asText()
                    : "";
            timeline.note("  - " + p.path("display_name").asText() + " ["
                    + p.path("role").asText("attendee") + ", "
                    + p.path("status").asText("") + "] " + signedIn + avatar);
        }
    }

    private static String lastCode(JsonNode bot) {
        JsonNode changes = bot.path("status_changes");
        return changes.isEmpty()
                ? ""
                : changes.get(changes.size() - 1).path("code").asText();
    }

    static String lastStatus(JsonNode bot) {
        JsonNode changes = bot.path("status_changes");
        return changes.isEmpty() ? "(none)" : describe(changes.get(changes.size() - 1));
    }

    private static String describe(JsonNode change) {
        StringBuilder text = new StringBuilder(change.path("code").asText());
        if (change.path("sub_code").isTextual()) {
            text.append(" / ").append(change.path("sub_code").asText());
        }
        if (change.path("message").isTextual()) {
            text.append(" — \"").append(change.path("message").asText()).append('"');
        }
        return text.toString();
    }

    private JsonNode get(URI uri) {
        JsonHttp.Reply reply = http.get(uri, uri.getPath().startsWith("/api/") ? auth() : Map.of());
        expect(reply, 200, "GET " + uri.getPath());
        return reply.body();
    }

    private void post(URI uri, Map<String, Object> body) {
        JsonHttp.Reply reply = http.post(uri, body, uri.getPath().startsWith("/api/") ? auth() : Map.of());
        if (reply.status() >= 300) {
            throw new IllegalStateException(
                    "POST " + uri.getPath() + " answered " + reply.status() + ": " + reply.body());
        }
    }

    private Map<String, String> auth() {
        return Map.of("Authorization", "Token " + stack.apiKey());
    }

    private URI api(String path) {
        return URI.create(stack.platform().baseUrl().toString().replaceAll("/$", "") + path);
    }

    private URI emulator(String path) {
        return URI.create(stack.emulator().baseUrl().replaceAll("/$", "") + path);
    }

    private static void expect(JsonHttp.Reply reply, int status, String what) {
        if (reply.status() != status) {
            throw new IllegalStateException(what + " answered " + reply.status() + ": " + reply.body());
        }
    }
}
