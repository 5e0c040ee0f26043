package dev.signet.platform.bot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signet.platform.ApiClient;
import dev.signet.platform.ApiClient.Response;
import dev.signet.platform.ApiHarness;
import dev.signet.platform.TestDatabase;
import dev.signet.platform.runtime.Participant;
import dev.signet.platform.runtime.RunnableBot;
import dev.signet.platform.runtime.StatusChange;
import dev.signet.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/** The bot API over HTTP on a real database; run once on H2 and once on PostgreSQL. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
abstract class BotApiContract {
    static final String MEETING = "https://us02web.zoom.us/j/85412345678?pwd=abcDEF123.1";
    static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

    final MutableClock clock = MutableClock.at(START);
    TestDatabase database;
    ApiHarness harness;
    ApiClient api;

    abstract TestDatabase openDatabase();

    @BeforeAll
    void up() {
        database = openDatabase();
        harness = ApiHarness.start(database.jdbcUrl(), clock);
        api = harness.client();
    }

    @AfterAll
    void down() {
        if (harness != null) {
            harness.close();
        }
        if (database != null) {
            database.close();
        }
    }

    JsonNode create(String json) {
        Response response = api.post("/api/v1/bot/", json);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    static String withMeeting(String extraFields) {
        return "{\"meeting_url\":\"" + MEETING + "\"" + (extraFields.isEmpty() ? "" : "," + extraFields) + "}";
    }

    static UUID id(JsonNode bot) {
        return UUID.fromString(bot.get("id").asText());
    }

    @Test
    void create_minimal_returns201WithRecallShapeAndDefaults() {
        int wakes = harness.control().wakes.get();
        JsonNode bot = create(withMeeting(""));

        assertThat(bot.get("bot_name").asText()).isEqualTo("Meeting Notetaker");
        assertThat(bot.get("meeting_url").get("meeting_id").asText()).isEqualTo("85412345678");
        assertThat(bot.get("meeting_url").get("meeting_password").asText()).isEqualTo("abcDEF123.1");
        assertThat(bot.get("meeting_url").get("platform").asText()).isEqualTo("zoom");
        assertThat(bot.get("join_at").isNull()).isTrue();
        assertThat(bot.get("metadata").size()).isZero();
        assertThat(bot.get("automatic_leave").get("waiting_room_timeout").asLong())
                .isEqualTo(1200);
        assertThat(bot.get("automatic_leave").get("noone_joined_timeout").asLong())
                .isEqualTo(1200);
        assertThat(bot.get("automatic_leave")
                        .get("everyone_left_timeout")
                        .get("timeout")
                        .asLong())
                .isEqualTo(2);
        assertThat(bot.get("automatic_leave")
                        .get("everyone_left_timeout")
                        .get("activate_after")
                        .asLong())
                .isZero();
        assertThat(bot.get("zoom").get("zak_url").isNull()).isTrue();
        assertThat(bot.get("status_changes")).hasSize(1);
        JsonNode ready = bot.get("status_changes").get(0);
        assertThat(ready.get("code").asText()).isEqualTo("ready");
        assertThat(ready.get("sub_code").isNull()).isTrue();
        assertThat(Instant.parse(ready.get("created_at").asText())).isEqualTo(START);
        assertThat(bot.get("meeting_participants")).isEmpty();
        assertThat(harness.control().wakes.get()).isGreaterThan(wakes);
    }

    @Test
    void create_withZakUrl_showsQueryValuesRedactedAndStoresThemEncrypted() {
        String zak = "https://tokens.example.com/zak?token=s3cr3t-query-value&user=bob%40example.com";
        JsonNode bot = create(withMeeting("\"zoom\":{\"zak_url\":\"" + zak + "\",\"user_email\":\"bot@example.com\"}"));

        assertThat(bot.get("zoom").get("zak_url").asText())
                .isEqualTo("https://tokens.example.com/zak?token=REDACTED&user=REDACTED");
        assertThat(bot.get("zoom").get("user_email").asText()).isEqualTo("bot@example.com");
        assertThat(bot.toString()).doesNotContain("s3cr3t").doesNotContain("bob%40");
        assertThat(api.get("/api/v1/bot/" + id(bot)).body()).doesNotContain("s3cr3t");

        String stored = harness.jdbi()
                .withHandle(h -> h.createQuery("SELECT * FROM bots WHERE id = :id")
                        .bind("id", id(bot))
                        .mapToMap()
                        .one()
                        .toString());
        assertThat(stored).doesNotContain("s3cr3t").contains("v2:");

        RunnableBot runnable = harness.claim(id(bot)).orElseThrow();
        assertThat(runnable.zakUrl()).isNotNull();
        assertThat(runnable.zakUrl().reveal()).isEqualTo(zak);
        assertThat(runnable.meetingNumber()).isEqualTo("85412345678");
        assertThat(runnable.meetingPassword()).isEqualTo("abcDEF123.1");
    }

    @Test
    void create_withEverythingGiven_keepsIt() {
        JsonNode bot = create(withMeeting("""
                "bot_name": "Notes by Ada", "join_at": "2026-03-01T11:00:00+01:00",
                "metadata": {"customer": "acme", "run": "7"},
                "automatic_leave": {"waiting_room_timeout": 30, "noone_joined_timeout": 40,
                    "everyone_left_timeout": {"timeout": 5, "activate_after": 60}},
                "recording_config": {"transcript": {}}, "unknown_field": [1, 2]
                """));

        assertThat(bot.get("bot_name").asText()).isEqualTo("Notes by Ada");
        assertThat(Instant.parse(bot.get("join_at").asText())).isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
        assertThat(bot.get("metadata").get("customer").asText()).isEqualTo("acme");
        assertThat(bot.get("automatic_leave").get("waiting_room_timeout").asLong())
                .isEqualTo(30);
        assertThat(bot.get("automatic_leave").get("noone_joined_timeout").asLong())
                .isEqualTo(40);
        assertThat(bot.get("automatic_leave")
                        .get("everyone_left_timeout")
                        .get("timeout")
                        .asLong())
                .isEqualTo(5);
        assertThat(bot.get("automatic_leave")
                        .get("everyone_left_timeout")
                        .get("activate_after")
                        .asLong())
                .isEqualTo(60);
        assertThat(bot.has("unknown_field")).isFalse();
    }

    @Test
    void create_withPlainIntegerEveryoneLeftTimeout_acceptsIt() {
        JsonNode bot = create(withMeeting("\"automatic_leave\": {\"everyone_left_timeout\": 30}"));

        assertThat(bot.get("automatic_leave")
                        .get("everyone_left_timeout")
                        .get("timeout")
                        .asLong())
                .isEqualTo(30);
        RunnableBot runnable = harness.claim(id(bot)).orElseThrow();
        assertThat(runnable.automaticLeave().everyoneLeftTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void create_joinAtUpTo60SecondsInThePast_isAccepted() {
        create(withMeeting("\"join_at\": \"" + clock.instant().minusSeconds(59) + "\""));
    }

    @Test
    void create_withLoopbackHttpZakUrlWhenAllowed_isAccepted() {
        JsonNode bot = create(withMeeting("\"zoom\":{\"zak_url\":\"http://127.0.0.1:9/zak?token=t\"}"));

        assertThat(bot.get("zoom").get("zak_url").asText()).isEqualTo("http://127.0.0.1:9/zak?token=REDACTED");
    }

    @Test
    void create_bothSlashForms_answer() {
        assertThat(api.post("/api/v1/bot", withMeeting("")).status()).isEqualTo(201);
        JsonNode bot = create(withMeeting(""));
        assertThat(api.get("/api/v1/bot/" + id(bot)).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/bot/" + id(bot) + "/").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/bot").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/bot/").status()).isEqualTo(200);
    }

    @Test
    void retrieve_unknownOrMalformedId_returns404() {
        Response unknown = api.get("/api/v1/bot/" + UUID.randomUUID() + "/");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("code").asText()).isEqualTo("not_found");
        assertThat(api.get("/api/v1/bot/not-a-uuid/").status()).isEqualTo(404);
    }

    @Test
    void retrieve_showsStatusChangesAndParticipantsTheRuntimeRecorded() {
        JsonNode bot = create(withMeeting(""));
        UUID id = id(bot);
        assertThat(harness.claim(id)).isPresent();
        harness.store().transition(id, new StatusChange("joining_call", null, null, START.plusSeconds(1)));
        harness.store().transition(id, new StatusChange("in_call_not_recording", null, null, START.plusSeconds(2)));
        harness.store()
                .participants(
                        id,
                        List.of(
                                new Participant("1", "Host Person", "host@example.com", "https://a/1.png", true, true),
                                new Participant("2", "Guest", null, null, false, false)));

        JsonNode shown = api.get("/api/v1/bot/" + id + "/").json();

        assertThat(shown.get("status_changes"))
                .extracting(c -> c.get("code").asText())
                .containsExactly("ready", "joining_call", "in_call_not_recording");
        JsonNode host = shown.get("meeting_participants").get(0);
        assertThat(host.get("name").asText()).isEqualTo("Host Person");
        assertThat(host.get("email").asText()).isEqualTo("host@example.com");
        assertThat(host.get("avatar_url").asText()).isEqualTo("https://a/1.png");
        assertThat(host.get("is_host").asBoolean()).isTrue();
        assertThat(host.get("signed_in").asBoolean()).isTrue();
        assertThat(shown.get("meeting_participants").get(1).get("email").isNull())
                .isTrue();
    }

    @Test
    void update_beforeDispatch_changesTheGivenFieldsOnly() {
        JsonNode bot = create(withMeeting("\"bot_name\":\"Before\",\"metadata\":{\"a\":\"1\"}"));
        Response response = api.patch(
                "/api/v1/bot/" + id(bot) + "/",
                "{\"join_at\":\"2026-03-02T09:00:00Z\",\"zoom\":{\"zak_url\":\"https://t.example.com/z?k=v\"}}");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode updated = response.json();
        assertThat(updated.get("bot_name").asText()).isEqualTo("Before");
        assertThat(updated.get("metadata").get("a").asText()).isEqualTo("1");
        assertThat(updated.get("join_at").asText()).isEqualTo("2026-03-02T09:00:00Z");
        assertThat(updated.get("zoom").get("zak_url").asText()).isEqualTo("https://t.example.com/z?k=REDACTED");

        JsonNode renamed = api.patch("/api/v1/bot/" + id(bot), "{\"bot_name\":\"After\",\"join_at\":null}")
                .json();
        assertThat(renamed.get("bot_name").asText()).isEqualTo("After");
        assertThat(renamed.get("join_at").isNull()).isTrue();
    }

    @Test
    void update_afterDispatch_returns400UpdateBotFailed() {
        JsonNode bot = create(withMeeting(""));
        harness.claim(id(bot));

        Response response = api.patch("/api/v1/bot/" + id(bot) + "/", "{\"bot_name\":\"Late\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asText()).isEqualTo("update_bot_failed");
        assertThat(api.get("/api/v1/bot/" + id(bot)).json().get("bot_name").asText())
                .isEqualTo("Meeting Notetaker");
    }

    @Test
    void update_withBadField_returns400NamingIt() {
        JsonNode bot = create(withMeeting(""));

        Response response = api.patch("/api/v1/bot/" + id(bot) + "/", "{\"bot_name\":\"\",\"meeting_url\":null}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().has("bot_name")).isTrue();
        assertThat(response.json().has("meeting_url")).isTrue();
    }

    @Test
    void update_unknownBot_returns404() {
        assertThat(api.patch("/api/v1/bot/" + UUID.randomUUID() + "/", "{}").status())
                .isEqualTo(404);
    }

    @Test
    void delete_scheduledBot_returns204AndRemovesIt() {
        JsonNode bot = create(withMeeting("\"join_at\":\"2026-03-05T10:00:00Z\""));

        Response response = api.delete("/api/v1/bot/" + id(bot) + "/");

        assertThat(response.status()).isEqualTo(204);
        assertThat(api.get("/api/v1/bot/" + id(bot)).status()).isEqualTo(404);
        assertThat(harness.claim(id(bot))).isEmpty();
    }

    @Test
    void delete_dispatchedBot_returns405() {
        JsonNode bot = create(withMeeting(""));
        harness.claim(id(bot));
        harness.store().transition(id(bot), new StatusChange("joining_call", null, null, START));

        Response response = api.delete("/api/v1/bot/" + id(bot));

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.json().get("code").asText()).isEqualTo("method_not_allowed");
        assertThat(api.get("/api/v1/bot/" + id(bot)).status()).isEqualTo(200);
    }

    @Test
    void delete_unknownBot_returns404() {
        assertThat(api.delete("/api/v1/bot/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void leaveCall_activeBot_asksTheRuntime() {
        JsonNode bot = create(withMeeting(""));
        harness.control().active.add(id(bot));

        Response response = api.post("/api/v1/bot/" + id(bot) + "/leave_call/", null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("id").asText()).isEqualTo(id(bot).toString());
        assertThat(harness.control().leaveRequests).contains(id(bot));
        assertThat(api.post("/api/v1/bot/" + id(bot) + "/leave_call", null).status())
                .isEqualTo(200);
    }

    @Test
    void leaveCall_inactiveBot_returns400AndUnknownBot404() {
        JsonNode bot = create(withMeeting(""));

        Response response = api.post("/api/v1/bot/" + id(bot) + "/leave_call/", null);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asText()).isEqualTo("bot_not_in_call");
        assertThat(api.post("/api/v1/bot/" + UUID.randomUUID() + "/leave_call/", null)
                        .status())
                .isEqualTo(404);
    }

    List<String> namesOf(JsonNode page) {
        List<String> names = new java.util.ArrayList<>();
        page.get("results").forEach(b -> names.add(b.get("bot_name").asText()));
        return names;
    }

    @Test
    void list_pagesNewestFirstWithOpaqueNextAndPrevious() {
        String tag = UUID.randomUUID().toString();
        for (int i = 1; i <= 5; i++) {
            clock.advance(Duration.ofSeconds(1));
            create(withMeeting("\"bot_name\":\"p" + i + "\",\"metadata\":{\"tag\":\"" + tag + "\"}"));
        }

        JsonNode first =
                api.get("/api/v1/bot/?page_size=2&metadata__tag=" + tag).json();
        assertThat(namesOf(first)).containsExactly("p5", "p4");
        assertThat(first.get("previous").isNull()).isTrue();
        String next = first.get("next").asText();
        assertThat(next).startsWith(harness.baseUrl().toString()).contains("metadata__tag=" + tag);

        JsonNode second = api.get(next).json();
        assertThat(namesOf(second)).containsExactly("p3", "p2");
        JsonNode third = api.get(second.get("next").asText()).json();
        assertThat(namesOf(third)).containsExactly("p1");
        assertThat(third.get("next").isNull()).isTrue();

        JsonNode back = api.get(third.get("previous").asText()).json();
        assertThat(namesOf(back)).containsExactly("p3", "p2");
        JsonNode backAgain = api.get(back.get("previous").asText()).json();
        assertThat(namesOf(backAgain)).containsExactly("p5", "p4");
        assertThat(backAgain.get("previous").isNull()).isTrue();
    }

    @Test
    void list_filtersByStatusJoinAtMeetingAndMetadata() {
        String tag = UUID.randomUUID().toString();
        String meta = "\"metadata\":{\"tag\":\"" + tag + "\",\"team\":\"%s\"}";
        JsonNode early = create(
                withMeeting("\"bot_name\":\"early\",\"join_at\":\"2026-04-01T10:00:00Z\"," + meta.formatted("red")));
        create(withMeeting("\"bot_name\":\"late\",\"join_at\":\"2026-05-01T10:00:00Z\"," + meta.formatted("blue")));
        create("{\"meeting_url\":\"https://zoom.us/j/9988776655\",\"bot_name\":\"other\"," + meta.formatted("blue")
                + "}");
        harness.claim(id(early));
        harness.store().transition(id(early), new StatusChange("joining_call", null, null, START));
        String base = "/api/v1/bot/?metadata__tag=" + tag;

        assertThat(namesOf(api.get(base).json())).containsExactlyInAnyOrder("early", "late", "other");
        assertThat(namesOf(api.get(base + "&status=joining_call").json())).containsExactly("early");
        assertThat(namesOf(api.get(base + "&status=ready,fatal").json())).containsExactlyInAnyOrder("late", "other");
        assertThat(namesOf(api.get(base + "&join_at_after=2026-04-15T00:00:00Z").json()))
                .containsExactly("late");
        assertThat(namesOf(
                        api.get(base + "&join_at_before=2026-04-15T00:00:00Z").json()))
                .containsExactly("early");
        assertThat(namesOf(api.get(base + "&metadata__team=blue").json())).containsExactlyInAnyOrder("late", "other");
        assertThat(namesOf(api.get(base + "&metadata__team=green").json())).isEmpty();
        assertThat(namesOf(api.get(base + "&meeting_url=https%3A%2F%2Fzoom.us%2Fj%2F9988776655")
                        .json()))
                .containsExactly("other");
    }
}
