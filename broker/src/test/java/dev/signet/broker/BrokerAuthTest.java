package dev.signet.broker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.webhooks.SignedHeaders;
import dev.signet.webhooks.WebhookSecret;
import dev.signet.webhooks.WebhookSigner;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(60)
class BrokerAuthTest {
    private static Fixture fixture;
    private static final WebhookSigner SIGNER = new WebhookSigner(List.of(WebhookSecret.parse(Fixture.WHSEC)));

    @BeforeAll
    static void start() {
        fixture = Fixture.ready(Map.of());
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private static String[] signed(String id, Duration age) {
        SignedHeaders headers = SIGNER.sign(id, fixture.clock.instant().minus(age), new byte[0]);
        return new String[] {
            SignedHeaders.ID, headers.id(),
            SignedHeaders.TIMESTAMP, headers.timestamp(),
            SignedHeaders.SIGNATURE, headers.signature()
        };
    }

    private static void assertUnauthorized(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("Unauthorized");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void zak_withGoodQuerySecret_answersPlainTextZakNotCached() {
        HttpResponse<String> response = fixture.get("/zoom/zak?token=" + Fixture.SECRET);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("zak.").doesNotContainAnyWhitespaces();
        assertThat(fixture.zoom.issuedTokens()).contains(response.body());
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void zak_withRotatedOutSecretStillListed_isAccepted() {
        assertThat(fixture.get("/zoom/zak?token=" + Fixture.OLD_SECRET).statusCode())
                .isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/zoom/zak",
                "/zoom/zak?token=",
                "/zoom/zak?token=wrong-secret-0123456789",
                "/zoom/zak?token=query-secret-alpha-012345678",
                "/zoom/zak?token=query-secret-alpha-01234567890",
                "/zoom/zak?secret=query-secret-alpha-0123456789",
                "/zoom/zak?user=alice@example.com"
            })
    void zak_withoutValidQuerySecret_is401WithoutDetail(String pathAndQuery) {
        assertUnauthorized(fixture.get(pathAndQuery));
    }

    @Test
    void zak_withSignedHeadersOnly_isAccepted() {
        HttpResponse<String> response = fixture.get("/zoom/zak", signed("msg_signed_ok", Duration.ZERO));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("zak.");
    }

    @Test
    void zak_withSignatureOlderThanFiveMinutes_is401() {
        assertUnauthorized(fixture.get(
                "/zoom/zak", signed("msg_stale", Duration.ofMinutes(5).plusSeconds(5))));
    }

    @Test
    void zak_withSignatureFourMinutesOld_isAccepted() {
        assertThat(fixture.get("/zoom/zak", signed("msg_four_minutes", Duration.ofMinutes(4)))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void zak_withReplayedWebhookId_is401TheSecondTime() {
        String[] headers = signed("msg_replayed", Duration.ZERO);

        assertThat(fixture.get("/zoom/zak", headers).statusCode()).isEqualTo(200);
        assertUnauthorized(fixture.get("/zoom/zak", headers));
    }

    @Test
    void zak_withSignatureByAnotherSecret_is401() {
        WebhookSigner other =
                new WebhookSigner(List.of(WebhookSecret.parse("whsec_dGhpcyBpcyBhbm90aGVyIHNlY3JldCBrZXk=")));
        SignedHeaders headers = other.sign("msg_other", fixture.clock.instant(), new byte[0]);

        assertUnauthorized(fixture.get(
                "/zoom/zak",
                SignedHeaders.ID,
                headers.id(),
                SignedHeaders.TIMESTAMP,
                headers.timestamp(),
                SignedHeaders.SIGNATURE,
                headers.signature()));
    }

    @Test
    void zak_withSignatureButMissingTimestamp_is401() {
        String[] headers = signed("msg_partial", Duration.ZERO);

        assertUnauthorized(fixture.get("/zoom/zak", headers[0], headers[1], headers[4], headers[5]));
    }

    @Test
    void zak_withBadQuerySecretButValidSignature_isAccepted() {
        assertThat(fixture.get("/zoom/zak?token=wrong-secret-0123456789", signed("msg_either", Duration.ZERO))
                        .statusCode())
                .isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
    void zak_withOtherMethod_is405WithAllowGet(String method) {
        HttpResponse<String> response = fixture.send(method, "/zoom/zak?token=" + Fixture.SECRET);

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("GET");
        assertThat(response.body()).doesNotStartWith("zak.");
    }

    @Test
    void obf_withoutTheUserOAuthApp_is503NotConfiguredAfterAuthentication() {
        HttpResponse<String> response = fixture.get("/zoom/obf?user=u-1&meeting_id=123456789&token=" + Fixture.SECRET);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).startsWith("obf_not_configured:");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(fixture.get("/zoom/obf?user=u-1&meeting_id=123456789").statusCode())
                .isEqualTo(401);
        assertThat(fixture.send("POST", "/zoom/obf").statusCode()).isEqualTo(405);
        assertThat(fixture.get("/connect").statusCode()).isEqualTo(404);
        assertThat(fixture.get("/admin/connections").statusCode()).isEqualTo(404);
    }

    @Test
    void operationalRoutes_answer() {
        assertThat(fixture.get("/healthz").statusCode()).isEqualTo(200);
        assertThat(fixture.get("/readyz").body()).startsWith("ready");
        fixture.get("/zoom/zak");
        assertThat(fixture.metric("signet_broker_requests_seconds_count", "outcome=\"unauthorized\""))
                .isPositive();
    }
}
