package dev.signet.platform.bot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signet.platform.ApiClient;
import dev.signet.platform.ApiClient.Response;
import dev.signet.platform.ApiHarness;
import dev.signet.platform.TestDatabase;
import dev.signet.testkit.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every bad field of a create body is a 400 that names it, and never echoes a token URL. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BotValidationTest {
    static final String MEETING = "https://zoom.us/j/85412345678?pwd=abc.1";
    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    static Path dir;

    static TestDatabase database;
    static ApiHarness harness;
    static ApiClient api;

    @BeforeAll
    static void up() {
        database = TestDatabase.h2(dir);
        harness = ApiHarness.start(database.jdbcUrl(), MutableClock.at(NOW));
        api = harness.client();
    }

    @AfterAll
    static void down() {
        harness.close();
        database.close();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "meeting_url | {}",
                "meeting_url | {'meeting_url': null}",
                "meeting_url | {'meeting_url': 42}",
                "meeting_url | {'meeting_url': 'not a url'}",
                "meeting_url | {'meeting_url': 'https://example.com/j/85412345678'}",
                "meeting_url | {'meeting_url': 'https://zoom.us.evil.example/j/85412345678'}",
                "meeting_url | {'meeting_url': 'https://zoom.us/my/ada.lovelace'}",
                "meeting_url | {'meeting_url': 'https://meet.google.com/abc-defg-hij'}",
                "bot_name | {'meeting_url': '@M', 'bot_name': ''}",
                "bot_name | {'meeting_url': '@M', 'bot_name': '   '}",
                "bot_name | {'meeting_url': '@M', 'bot_name': null}",
                "bot_name | {'meeting_url': '@M', 'bot_name': 7}",
                "bot_name | {'meeting_url': '@M', 'bot_name': '@LONG'}",
                "join_at | {'meeting_url': '@M', 'join_at': 'tomorrow'}",
                "join_at | {'meeting_url': '@M', 'join_at': '2026-03-01T12:00:00'}",
                "join_at | {'meeting_url': '@M', 'join_at': 1772359200}",
                "join_at | {'meeting_url': '@M', 'join_at': '2026-03-01T09:58:59Z'}",
                "metadata | {'meeting_url': '@M', 'metadata': 'x'}",
                "metadata | {'meeting_url': '@M', 'metadata': ['a']}",
                "metadata | {'meeting_url': '@M', 'metadata': {'a': 1}}",
                "metadata | {'meeting_url': '@M', 'metadata': {'a': null}}",
                "metadata | {'meeting_url': '@M', 'metadata': {'a': {'b': 'c'}}}",
                "automatic_leave | {'meeting_url': '@M', 'automatic_leave': 5}",
                "automatic_leave | {'meeting_url': '@M', 'automatic_leave': {'waiting_room_timeout': '10'}}",
                "automatic_leave | {'meeting_url': '@M', 'automatic_leave': {'waiting_room_timeout': 0}}",
                "automatic_leave | {'meeting_url': '@M', 'automatic_leave': {'waiting_room_timeout': 1.5}}",
                "automatic_leave | {'meeting_url': '@M', 'automatic_leave': {'noone_joined_timeout': -1}}",
                "automatic_leave | {'meeting_url': '@M', 'automatic_leave': {'noone_joined_timeout': 99999999}}",
                "automatic_leave | {'meeting_url': '@M', 'automatic_leave': {'everyone_left_timeout': '2'}}",
                "automatic_leave | {'meeting_url': '@M', 'automatic_leave': {'everyone_left_timeout': 0}}",
                "automatic_leave | {'meeting_url': '@M', 'automatic_leave': {'everyone_left_timeout': {'timeout': 'x'}}}",
                "automatic_leave | {'meeting_url': '@M', 'automatic_leave': {'everyone_left_timeout': {'activate_after': -1}}}",
                "zoom | {'meeting_url': '@M', 'zoom': 'https://t.example.com/zak'}",
                "zoom | {'meeting_url': '@M', 'zoom': {'zak_url': 5}}",
                "zoom | {'meeting_url': '@M', 'zoom': {'zak_url': ''}}",
                "zoom | {'meeting_url': '@M', 'zoom': {'zak_url': 'not a url?token=SECRETVALUE'}}",
                "zoom | {'meeting_url': '@M', 'zoom': {'zak_url': '/relative/zak?token=SECRETVALUE'}}",
                "zoom | {'meeting_url': '@M', 'zoom': {'zak_url': 'http://t.example.com/zak?token=SECRETVALUE'}}",
                "zoom | {'meeting_url': '@M', 'zoom': {'zak_url': 'http://10.0.0.7/zak?token=SECRETVALUE'}}",
                "zoom | {'meeting_url': '@M', 'zoom': {'zak_url': 'ftp://t.example.com/zak?token=SECRETVALUE'}}",
                "zoom | {'meeting_url': '@M', 'zoom': {'zak_url': 'https://user:SECRETVALUE@t.example.com/zak'}}",
                "zoom | {'meeting_url': '@M', 'zoom': {'zak_url': 'https://t.example.com/zak#SECRETVALUE'}}",
                "zoom | {'meeting_url': '@M', 'zoom': {'obf_token_url': 'http://t.example.com/obf?k=SECRETVALUE'}}",
                "zoom | {'meeting_url': '@M', 'zoom': {'user_email': 'not-an-email'}}",
                "non_field_errors | ['@M']",
                "non_field_errors | 42",
            })
    void create_withBadField_returns400NamingIt(String field, String body) {
        String json = body.replace('\'', '"').replace("@M", MEETING).replace("@LONG", "x".repeat(101));

        Response response = api.post("/api/v1/bot/", json);

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        JsonNode errors = response.json();
        assertThat(errors.has(field)).as(response.body()).isTrue();
        assertThat(errors.get(field).isArray()).isTrue();
        assertThat(errors.get(field).get(0).asText()).isNotBlank();
        assertThat(response.body()).doesNotContain("SECRETVALUE");
    }

    @Test
    void create_withSeveralBadFields_namesEveryOne() {
        Response response = api.post(
                "/api/v1/bot/",
                "{\"meeting_url\":\"https://example.com/x\",\"bot_name\":\"\",\"metadata\":{\"a\":1},"
                        + "\"zoom\":{\"zak_url\":\"http://x.example.com/z?t=1\"}}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder("meeting_url", "bot_name", "metadata", "zoom");
    }

    @Test
    void create_personalLink_explainsItHasNoMeetingNumber() {
        Response response = api.post("/api/v1/bot/", "{\"meeting_url\":\"https://zoom.us/my/ada.lovelace\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("meeting_url").get(0).asText()).containsIgnoringCase("personal");
    }

    @Test
    void create_zakUrlOverHttp_explainsHttpsIsRequired() {
        Response response = api.post(
                "/api/v1/bot/",
                "{\"meeting_url\":\"" + MEETING + "\",\"zoom\":{\"zak_url\":\"http://t.example.com/z?t=1\"}}");

        assertThat(response.json().get("zoom").get(0).asText())
                .startsWith("zak_url")
                .contains("https");
    }

    @Test
    void create_withZakUrlAndObfTokenUrl_returns400ExplainingWhichToUse() {
        Response response = api.post(
                "/api/v1/bot/",
                "{\"meeting_url\":\"" + MEETING + "\",\"zoom\":{"
                        + "\"zak_url\":\"https://t.example.com/zak?token=SECRETVALUE\","
                        + "\"obf_token_url\":\"https://t.example.com/obf?token=SECRETVALUE\"}}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("zoom").get(0).asText())
                .contains("zak_url and obf_token_url cannot be used together")
                .contains("own Zoom account")
                .contains("other accounts");
        assertThat(response.body()).doesNotContain("SECRETVALUE");
    }

    @Test
    void update_toZakUrlAndObfTokenUrl_returns400AndKeepsTheBot() {
        Response created = api.post(
                "/api/v1/bot/",
                "{\"meeting_url\":\"" + MEETING + "\",\"join_at\":\"2030-01-01T00:00:00Z\","
                        + "\"zoom\":{\"obf_token_url\":\"https://t.example.com/obf?token=SECRETVALUE\"}}");
        String id = created.json().get("id").asText();

        Response response = api.patch(
                "/api/v1/bot/" + id + "/",
                "{\"zoom\":{\"zak_url\":\"https://t.example.com/zak?token=SECRETVALUE\","
                        + "\"obf_token_url\":\"https://t.example.com/obf?token=SECRETVALUE\"}}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().has("zoom")).isTrue();
        assertThat(api.get("/api/v1/bot/" + id + "/")
                        .json()
                        .get("zoom")
                        .get("zak_url")
                        .isNull())
                .isTrue();
    }

    @Test
    void create_malformedJson_returns400WithoutQuotingTheBody() {
        Response response =
                api.post("/api/v1/bot/", "{\"zoom\": {\"zak_url\": \"https://t.example.com/z?token=SECRETVALUE\" ");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asText()).isEqualTo("parse_error");
        assertThat(response.body()).doesNotContain("SECRETVALUE");
    }

    @Test
    void create_unquotedTokenInJson_returns400WithoutQuotingIt() {
        Response response = api.post("/api/v1/bot/", "{\"meeting_url\": SECRETVALUE}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).doesNotContain("SECRETVALUE");
    }

    @Test
    void create_emptyBodyOrTrailingGarbage_returns400() {
        assertThat(api.post("/api/v1/bot/", "").status()).isEqualTo(400);
        assertThat(api.post("/api/v1/bot/", "{\"meeting_url\":\"" + MEETING + "\"} {}")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void list_withBadFilters_returns400NamingEach() {
        Response response = api.get("/api/v1/bot/?join_at_after=yesterday&join_at_before=x&page_size=0"
                + "&meeting_url=https://example.com/x&cursor=nope");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder("join_at_after", "join_at_before", "page_size", "meeting_url", "cursor");
    }
}
