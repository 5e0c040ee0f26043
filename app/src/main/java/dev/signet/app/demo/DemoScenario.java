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

    /** What the story produced: bot ids by scenario and the meetings. */
    record Result(
            String anonymousBot,
            String signedInBot,
            String hostBot,
            String obfBot,
            String meeting,
            String unstartedMeeting,
            String externalMeeting) {}

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

        String[] external = externalMeeting();
        return new Result(anonymous, signedIn, hostBot, external[1], meetingId, laterId, external[0]);
    }

    /**
     * Scenario 4: a meeting of another account (Globex) that only signed-in users may join. Zoom requires an OBF
     * token there: Globex's Gary connects his Zoom account to Acme's broker once, and the bot joins on his behalf
     * while he is in the meeting. Returns the meeting id and the bot id.
     */
    private String[] externalMeeting() {
        timeline.section("4. A meeting of another Zoom account: the bot joins on behalf of a present user (OBF)");
        JsonNode meeting = createMeeting(
                globexAccessToken(), DemoSeed.GLOBEX_USER_ID, "Globex customer call (signed-in users only)", true);
        String meetingId = meeting.path("id").asText();
        timeline.event(
                "Zoom REST (Globex's own app): created meeting " + meetingId + " with meeting_authentication=true");

        JsonHttp.Reply link = http.post(
                broker("/admin/connect-links"), null, Map.of("Authorization", "Bearer " + stack.brokerAdminSecret()));
        expect(link, 201, "broker connect link");
        timeline.event("operator: POST /admin/connect-links -> a signed link, valid until "
                + link.body().path("expires_at").asText() + ", handed to " + DemoSeed.GLOBEX_EMAIL);
        ConsentBrowser.Visit visit = new ConsentBrowser(http.client())
                .connect(URI.create(link.body().path("url").asText()), DemoSeed.GLOBEX_USER_ID);
        for (String hop : visit.hops()) {
            timeline.note("  Gary's browser: " + hop);
        }
        if (visit.finalStatus() != 200) {
            throw new IllegalStateException("connecting Gary's Zoom account failed: " + visit.finalPage());
        }
        timeline.event("Gary approved Acme's app on Zoom's consent page; the broker stored his grant, encrypted");

        Map<String, Object> zoom = Map.of("obf_token_url", stack.obfUrl(DemoSeed.GLOBEX_EMAIL));
        String bot = createBotWith(meeting.path("join_url").asText(), "Acme Notetaker (for Gary)", zoom);
        awaitStatus(bot, Set.of("in_waiting_room", "done", "fatal"));
        timeline.note("the bot waits: Zoom admits an OBF bot only while its user is in the meeting");
        JsonNode gary = post(emulator("/emulator/meetings/" + meetingId + "/start"), Map.of());
        timeline.event("Gary (" + DemoSeed.GLOBEX_EMAIL + ", Globex's host) joined and started the meeting");
        JsonNode joined = awaitStatus(bot, Set.of("in_call_not_recording", "done", "fatal"), 3);
        showParticipants(meetingId);
        if (lastCode(joined).equals("in_call_not_recording")) {
            post(
                    emulator("/emulator/participants/"
                            + gary.path("participant_id").asText() + "/leave"),
                    Map.of());
            timeline.event("Gary left the meeting: Zoom removes the bots that joined on his behalf");
            awaitStatus(bot, FINAL, joined.path("status_changes").size());
        }
        return new String[] {meetingId, bot};
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
        return s2sAccessToken(DemoSeed.ACME_ACCOUNT_ID, DemoSeed.ACME_S2S_CLIENT_ID, DemoSeed.ACME_S2S_CLIENT_SECRET);
    }

    /** Globex's own S2S app: Globex schedules its meetings itself; Acme only sends a bot. */
    private String globexAccessToken() {
        return s2sAccessToken(
                DemoSeed.GLOBEX_ACCOUNT_ID, DemoSeed.GLOBEX_S2S_CLIENT_ID, DemoSeed.GLOBEX_S2S_CLIENT_SECRET);
    }

    private String s2sAccessToken(String accountId, String clientId, String clientSecret) {
        String basic =
                Base64.getEncoder().encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
        JsonHttp.Reply reply = http.postForm(
                URI.create(stack.emulator().oauthBase() + "/oauth/token"),
                "grant_type=account_credentials&account_id=" + URLEncoder.encode(accountId, StandardCharsets.UTF_8),
                Map.of("Authorization", "Basic " + basic));
        expect(reply, 200, "Zoom OAuth");
        return reply.body().path("access_token").asText();
    }

    private JsonNode createMeeting(String accessToken, String topic, boolean signedInOnly) {
        return createMeeting(accessToken, DemoSeed.HOST_USER_ID, topic, signedInOnly);
    }

    private JsonNode createMeeting(String accessToken, String hostUserId, String topic, boolean signedInOnly) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("meeting_authentication", signedInOnly);
        settings.put("join_before_host", false);
        settings.put("waiting_room", false);
        JsonHttp.Reply reply = http.post(
                URI.create(stack.emulator().apiBase() + "/users/" + hostUserId + "/meetings"),
                Map.of("topic", topic, "type", 2, "settings", settings),
                Map.of("Authorization", "Bearer " + accessToken));
        expect(reply, 201, "Zoom create meeting");
        return reply.body();
    }

    private String createBot(String meetingUrl, String name, @Nullable String zakUrl) {
        return createBotWith(meetingUrl, name, zakUrl == null ? Map.of() : Map.of("zak_url", zakUrl));
    }

    private String createBotWith(String meetingUrl, String name, Map<String, Object> zoom) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("meeting_url", meetingUrl);
        body.put("bot_name", name);
        body.put("metadata", Map.of("demo", "signet"));
        if (!zoom.isEmpty()) {
            body.put("zoom", zoom);
        }
        JsonHttp.Reply reply = http.post(api("/api/v1/bot/"), body, auth());
        expect(reply, 201, "create bot");
        String id = reply.body().path("id").asText();
        String shown = "";
        for (String field : List.of("zak_url", "obf_token_url")) {
            String url = reply.body().path("zoom").path(field).asText("");
            if (!url.isEmpty()) {
                shown = " (" + field + " shown redacted: " + url + ")";
            }
        }
        timeline.event("POST /api/v1/bot/ \"" + name + "\" -> " + id + (shown.isEmpty() ? " (no token URL)" : shown));
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
                    : p.path("on_behalf_of").asBoolean() ? "on behalf of a present user (OBF)" : "not signed in";
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

    private JsonNode post(URI uri, Map<String, Object> body) {
        JsonHttp.Reply reply = http.post(uri, body, uri.getPath().startsWith("/api/") ? auth() : Map.of());
        if (reply.status() >= 300) {
            throw new IllegalStateException(
                    "POST " + uri.getPath() + " answered " + reply.status() + ": " + reply.body());
        }
        return reply.body();
    }

    private Map<String, String> auth() {
        return Map.of("Authorization", "Token " + stack.apiKey());
    }

    private URI api(String path) {
        return URI.create(stack.platform().baseUrl().toString().replaceAll("/$", "") + path);
    }

    private URI broker(String path) {
        return URI.create(stack.broker().uri().toString().replaceAll("/$", "") + path);
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
