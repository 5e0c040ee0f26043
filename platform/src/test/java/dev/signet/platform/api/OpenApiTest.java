package dev.signet.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signet.platform.ApiClient;
import dev.signet.platform.ApiClient.Response;
import dev.signet.platform.ApiHarness;
import dev.signet.platform.OpenApiContract;
import dev.signet.platform.TestDatabase;
import dev.signet.platform.runtime.Participant;
import dev.signet.platform.runtime.StatusChange;
import dev.signet.platform.webhook.WebhookSettings;
import dev.signet.testkit.MutableClock;
import dev.signet.webhooks.WebhookSecret;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenAPI document: served without a key, internally whole, and enforced — the contract check that every
 * {@link ApiClient} exchange goes through catches what breaks it, and the real bot object and webhook payloads
 * keep it.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OpenApiTest {
    static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path dir;

    final MutableClock clock = MutableClock.at(START);
    TestDatabase database;
    ApiHarness harness;

    @BeforeEach
    void up() {
        database = TestDatabase.h2(dir);
        WebhookSettings webhooks = new WebhookSettings(
                List.of(URI.create("http://127.0.0.1:9/hooks?token=hook-secret")),
                WebhookSecret.parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"),
                WebhookSettings.DEFAULT_BACKOFF,
                WebhookSettings.DEFAULT_TIMEOUT,
                Duration.ofSeconds(1));
        harness = ApiHarness.start(database.jdbcUrl(), clock, webhooks, false, ApiSettings.DEFAULTS);
    }

    @AfterEach
    void down() {
        harness.close();
        database.close();
    }

    @Test
    void document_isServedWithAndWithoutAKey() {
        Response anonymous = harness.client().withAuthorization(null).get("/api/openapi.json");
        Response withKey = harness.client().get("/api/openapi.json/");

        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.contentType()).startsWith("application/json");
        assertThat(anonymous.json().get("openapi").asText()).isEqualTo("3.1.0");
        assertThat(anonymous.json()).isEqualTo(OpenApiContract.platform().document());
        assertThat(withKey.body()).isEqualTo(anonymous.body());
        assertThat(harness.client().withAuthorization(null).get("/api/v1/bot/").status())
                .isEqualTo(401);
    }

    @Test
    void document_everyRefResolvesAndEveryOperationIsWrittenFromTheRoot() {
        JsonNode doc = OpenApiContract.platform().document();
        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);

        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            assertThat(ref).startsWith("#/");
            assertThat(doc.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
        }
        doc.get("paths").properties().forEach(path -> {
            assertThat(path.getKey()).startsWith("/");
            path.getValue().properties().forEach(op -> {
                if (!op.getKey().equals("parameters")) {
                    assertThat(op.getValue().has("responses"))
                            .as(path.getKey() + " " + op.getKey())
                            .isTrue();
                }
            });
        });
        assertThat(doc.at("/paths/~1api~1v1~1bot~1/post/responses/201").isMissingNode())
                .isFalse();
        assertThat(doc.at("/webhooks/botStatusChange/post/requestBody").isMissingNode())
                .isFalse();
    }

    @Test
    void contract_catchesAnswersThatBreakIt() {
        OpenApiContract contract = OpenApiContract.platform();
        URI bots = URI.create("http://127.0.0.1/api/v1/bot/");
        URI one = URI.create("http://127.0.0.1/api/v1/bot/" + UUID.randomUUID() + "/");
        Map<String, List<String>> none = Map.of();
        String bot = harness.client()
                .post("/api/v1/bot/", "{\"meeting_url\":\"https://zoom.us/j/85412345678\"}")
                .body();

        assertThat(contract.violations("GET", one, null, 200, "application/json", none, bot))
                .isEmpty();
        assertThat(contract.violations(
                        "GET", one, null, 200, "application/json", none, bot.replace("\"recordings\":[],", "")))
                .anySatisfy(v -> assertThat(v).contains("recordings"));
        assertThat(contract.violations(
                        "GET", one, null, 200, "application/json", none, bot.replace("{\"id\"", "{\"extra\":1,\"id\"")))
                .isNotEmpty();
        assertThat(contract.violations("GET", one, null, 418, "application/json", none, "{}"))
                .anySatisfy(v -> assertThat(v).contains("status not documented"));
        assertThat(contract.violations("POST", bots, "{\"bot_name\":\"no url\"}", 201, "application/json", none, bot))
                .anySatisfy(v -> assertThat(v).contains("(request)"));
        assertThat(contract.violations(
                        "POST", bots, null, 429, "application/json", none, "{\"code\":\"throttled\",\"detail\":\"x\"}"))
                .anySatisfy(v -> assertThat(v).contains("Retry-After"));
        assertThat(contract.violations("GET", URI.create("http://127.0.0.1/nowhere"), null, 200, "text/html", none, ""))
                .anySatisfy(v -> assertThat(v).contains("undocumented"));
    }

    @Test
    void botObject_andWebhookPayloads_keepTheDocument() {
        ApiClient api = harness.client();
        JsonNode created = api.post("/api/v1/bot/", "{\"meeting_url\":\"https://zoom.us/j/85412345678\"}")
                .json();
        UUID id = UUID.fromString(created.get("id").asText());
        assertThat(harness.claim(id)).isPresent(); // writes are the holding node's (decision 0023)
        harness.store().transition(id, new StatusChange("joining_call", null, null, START.plusSeconds(1)));
        harness.store().transition(id, new StatusChange("in_call_not_recording", null, null, START.plusSeconds(2)));
        harness.store()
                .participants(id, List.of(new Participant("16778240", "Host", "host@example.com", null, true, true)));
        harness.store()
                .transition(
                        id, new StatusChange("call_ended", "call_ended_by_host", "host ended", START.plusSeconds(3)));

        JsonNode bot = api.get("/api/v1/bot/" + id + "/").json(); // ApiClient checks it against the document
        Response deliveries = api.get("/api/v1/webhook-deliveries/"); // payloads are BotStatusWebhook

        assertThat(bot.get("recordings")).isEmpty();
        assertThat(bot.get("video_url").isNull()).isTrue();
        assertThat(bot.get("meeting_metadata").isNull()).isTrue();
        assertThat(bot.get("recording_config").isNull()).isTrue();
        assertThat(bot.get("calendar_meetings")).isEmpty();
        JsonNode host = bot.get("meeting_participants").get(0);
        assertThat(host.get("platform").asText()).isEqualTo("unknown");
        assertThat(host.get("events")).isEmpty();
        assertThat(host.get("is_host").asBoolean()).isTrue();
        assertThat(deliveries.json().get("results")).hasSize(3);
        assertThat(deliveries.body()).doesNotContain("hook-secret");
    }

    private static void collectRefs(JsonNode node, List<String> out) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                if (e.getKey().equals("$ref")) {
                    out.add(e.getValue().asText());
                } else {
                    collectRefs(e.getValue(), out);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, out));
        }
    }
}
