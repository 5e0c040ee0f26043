package dev.signet.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signet.emulator.EmulatorServer;
import dev.signet.emulator.seed.DemoSeed;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The emulator as the tests drive it: Zoom's REST API (as Acme's S2S app) to create meetings, the host controls to
 * act as the people in them, and the admin API to break things.
 */
final class Zoom {
    private final EmulatorServer emulator;
    private final Http http;

    Zoom(EmulatorServer emulator, Http http) {
        this.emulator = emulator;
        this.http = http;
    }

    /** A meeting the host created: its number and the join URL Zoom answered. */
    record Meeting(long number, String joinUrl) {}

    /** Creates a meeting of Acme's host through Zoom's REST API. */
    Meeting create(boolean signedInOnly, boolean waitingRoom, @Nullable String password) {
        return create(signedInOnly, waitingRoom, false, password);
    }

    /** Creates a meeting of Acme's host through Zoom's REST API, with "join before host" as given. */
    Meeting create(boolean signedInOnly, boolean waitingRoom, boolean joinBeforeHost, @Nullable String password) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("meeting_authentication", signedInOnly);
        settings.put("join_before_host", joinBeforeHost);
        settings.put("waiting_room", waitingRoom);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("topic", "e2e");
        body.put("type", 2);
        body.put("settings", settings);
        if (password != null) {
            body.put("password", password);
        }
        Http.Reply reply = http.send(
                "POST",
                URI.create(emulator.apiBase() + "/users/" + DemoSeed.HOST_USER_ID + "/meetings"),
                body,
                Map.of("Authorization", "Bearer " + s2sToken()));
        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        JsonNode json = reply.json();
        return new Meeting(json.get("id").asLong(), json.get("join_url").asText());
    }

    /**
     * Creates a meeting of Globex's Gary through Zoom's REST API, as Globex's own S2S app would: a meeting of
     * another account than the bot owner's (Acme), which Zoom's rules let Acme's bots join only with an OBF token.
     */
    Meeting createGlobex(boolean signedInOnly) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("topic", "e2e external");
        body.put("type", 2);
        body.put("settings", Map.of("meeting_authentication", signedInOnly, "join_before_host", false));
        Http.Reply reply = http.send(
                "POST",
                URI.create(emulator.apiBase() + "/users/" + DemoSeed.GLOBEX_USER_ID + "/meetings"),
                body,
                Map.of(
                        "Authorization",
                        "Bearer "
                                + s2sToken(
                                        DemoSeed.GLOBEX_ACCOUNT_ID,
                                        DemoSeed.GLOBEX_S2S_CLIENT_ID,
                                        DemoSeed.GLOBEX_S2S_CLIENT_SECRET)));
        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        JsonNode json = reply.json();
        return new Meeting(json.get("id").asLong(), json.get("join_url").asText());
    }

    /**
     * A user-level access token of {@code userId} for Acme's user-managed OAuth app: the user approves the app on
     * the emulator's consent page (plain HTTP, as a person's browser would), and the code is exchanged.
     */
    String userAccessToken(String userId) {
        String redirect = "http://127.0.0.1/callback";
        Http.Reply page = http.get(
                URI.create(emulator.oauthBase() + "/oauth/authorize?response_type=code&client_id="
                        + DemoSeed.ACME_OAUTH_CLIENT_ID + "&redirect_uri=" + form(redirect) + "&state=e2e"),
                Map.of());
        assertThat(page.status()).as(page.text()).isEqualTo(200);
        Http.Reply decided = http.send(
                "POST",
                URI.create(emulator.oauthBase() + "/oauth/authorize"),
                "response_type=code&client_id=" + DemoSeed.ACME_OAUTH_CLIENT_ID + "&redirect_uri=" + form(redirect)
                        + "&state=e2e&user_id=" + form(userId) + "&decision=approve",
                Map.of("Content-Type", "application/x-www-form-urlencoded"));
        assertThat(decided.status()).as(decided.text()).isEqualTo(302);
        String location = decided.raw().headers().firstValue("Location").orElseThrow();
        String code = URI.create(location).getQuery().replaceAll(".*(?:^|&)code=([^&]*).*", "$1");
        String basic = Base64.getEncoder()
                .encodeToString((DemoSeed.ACME_OAUTH_CLIENT_ID + ":" + DemoSeed.ACME_OAUTH_CLIENT_SECRET)
                        .getBytes(StandardCharsets.UTF_8));
        Http.Reply token = http.send(
                "POST",
                URI.create(emulator.oauthBase() + "/oauth/token"),
                "grant_type=authorization_code&code=" + code + "&redirect_uri=" + form(redirect),
                Map.of("Authorization", "Basic " + basic, "Content-Type", "application/x-www-form-urlencoded"));
        assertThat(token.status()).as(token.text()).isEqualTo(200);
        return token.json().get("access_token").asText();
    }

    /** A fresh OBF token for {@code meeting}, minted with a user-level access token (Zoom's only way). */
    String obf(String userAccessToken, String meeting) {
        Http.Reply reply = http.get(
                URI.create(emulator.apiBase() + "/users/me/token?type=onbehalf&meeting_id=" + form(meeting)),
                Map.of("Authorization", "Bearer " + userAccessToken));
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.json().get("token").asText();
    }

    /** A local-recording join token for {@code meeting}, minted with a user-level token of its account. */
    String localRecordingToken(String userAccessToken, String meeting) {
        Http.Reply reply = http.get(
                URI.create(emulator.apiBase() + "/meetings/" + form(meeting) + "/jointoken/local_recording"),
                Map.of("Authorization", "Bearer " + userAccessToken));
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.json().get("token").asText();
    }

    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A plain meeting anyone may join, started by its host. */
    Meeting started() {
        Meeting meeting = create(false, false, null);
        start(meeting.number());
        return meeting;
    }

    String s2sToken() {
        return s2sToken(DemoSeed.ACME_ACCOUNT_ID, DemoSeed.ACME_S2S_CLIENT_ID, DemoSeed.ACME_S2S_CLIENT_SECRET);
    }

    private String s2sToken(String accountId, String clientId, String clientSecret) {
        String basic =
                Base64.getEncoder().encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
        Http.Reply reply = http.send(
                "POST",
                URI.create(emulator.oauthBase() + "/oauth/token"),
                "grant_type=account_credentials&account_id=" + URLEncoder.encode(accountId, StandardCharsets.UTF_8),
                Map.of("Authorization", "Basic " + basic, "Content-Type", "application/x-www-form-urlencoded"));
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.json().get("access_token").asText();
    }

    /** A fresh ZAK of {@code user}, minted through Zoom's REST API with Acme's S2S app. */
    String zak(String user) {
        Http.Reply reply = http.get(
                URI.create(emulator.apiBase() + "/users/" + user + "/token?type=zak"),
                Map.of("Authorization", "Bearer " + s2sToken()));
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.json().get("token").asText();
    }

    /** The host joins and the meeting starts; returns the host's participant id. */
    String start(long meeting) {
        return post("/emulator/meetings/" + meeting + "/start", Map.of())
                .get("participant_id")
                .asText();
    }

    /** A person joins (signed in as {@code userId} when given); returns the participant id. */
    String person(long meeting, String name, @Nullable String userId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("display_name", name);
        if (userId != null) {
            body.put("user_id", userId);
        }
        return post("/emulator/meetings/" + meeting + "/people", body)
                .get("participant_id")
                .asText();
    }

    void leave(String participantId) {
        post("/emulator/participants/" + participantId + "/leave", null);
    }

    void admit(long meeting, String participantId) {
        post("/emulator/meetings/" + meeting + "/participants/" + participantId + "/admit", null);
    }

    void remove(long meeting, String participantId) {
        post("/emulator/meetings/" + meeting + "/participants/" + participantId + "/remove", null);
    }

    void lock(long meeting) {
        post("/emulator/meetings/" + meeting + "/lock", Map.of("locked", true));
    }

    void end(long meeting) {
        post("/emulator/meetings/" + meeting + "/end", null);
    }

    /** The meeting as the host-control API shows it: status, settings, participants. */
    JsonNode state(long meeting) {
        Http.Reply reply = http.get(URI.create(emulator.baseUrl() + "/emulator/meetings/" + meeting), Map.of());
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.json();
    }

    /** The participant called {@code displayName} (in the meeting or its waiting room), or null. */
    @Nullable
    JsonNode participant(long meeting, String displayName) {
        for (JsonNode p : state(meeting).path("participants")) {
            if (p.path("display_name").asText().equals(displayName)
                    && !p.path("status").asText().equals("left")) {
                return p;
            }
        }
        return null;
    }

    /** Seeds an Acme meeting that holds {@code capacity} participants. */
    void seedMeeting(long number, int capacity) {
        String seed = "{\"accounts\":[{\"id\":\"" + DemoSeed.ACME_ACCOUNT_ID
                + "\",\"name\":\"Acme\",\"plan\":\"pro\",\"meetings\":[{\"id\":" + number + ",\"host\":\""
                + DemoSeed.HOST_USER_ID + "\",\"topic\":\"Tiny\",\"capacity\":" + capacity + "}]}]}";
        admin("POST", "/emulator/admin/seed", seed, 204);
    }

    /** "Sign me out of all devices": revokes every ZAK of the user; returns how many. */
    int signOut(String userId) {
        return post("/emulator/admin/users/" + userId + "/sign-out", null)
                .get("revoked_zaks")
                .asInt();
    }

    void deleteUser(String userId) {
        admin("DELETE", "/emulator/admin/users/" + userId, null, 204);
    }

    void plan(String accountId, String plan) {
        admin("PUT", "/emulator/admin/accounts/" + accountId + "/plan", Map.of("plan", plan), 200);
    }

    /** The next {@code count} calls of {@code endpoint} (e.g. {@code GET /v2/users/{userId}/token}) fail. */
    void fault(String endpoint, int count, int status, String body) {
        Map<String, Object> fault = new LinkedHashMap<>();
        fault.put("endpoint", endpoint);
        fault.put("count", count);
        fault.put("status", status);
        fault.put("body", body);
        admin("POST", "/emulator/admin/faults", fault, 204);
    }

    void clearFaults() {
        admin("DELETE", "/emulator/admin/faults", null, 204);
    }

    private void admin(String method, String path, @Nullable Object body, int expected) {
        Http.Reply reply = http.send(method, URI.create(emulator.baseUrl() + path), body, Map.of());
        assertThat(reply.status()).as(method + " " + path + ": " + reply.text()).isEqualTo(expected);
    }

    private JsonNode post(String path, @Nullable Object body) {
        Http.Reply reply =
                http.send("POST", URI.create(emulator.baseUrl() + path), body == null ? Map.of() : body, Map.of());
        assertThat(reply.status()).as("POST " + path + ": " + reply.text()).isBetween(200, 299);
        return reply.json();
    }
}
