package dev.signet.zoom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.secrets.Secret;
import dev.signet.zoom.meeting.MeetingUrl;
import dev.signet.zoom.oauth.S2sCredentials;
import dev.signet.zoom.oauth.TokenSource;
import dev.signet.zoom.oauth.ZoomOAuth;
import dev.signet.zoom.sdk.SdkCredentials;
import dev.signet.zoom.sdk.SdkSigner;
import dev.signet.zoom.users.TokenType;
import dev.signet.zoom.users.UserToken;
import dev.signet.zoom.users.ZoomUsers;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The usage example of zoom/README.md, compiled and run against a mock Zoom. */
@Timeout(30)
class ReadmeExampleTest {
    record Joining(UserToken zak, MeetingUrl meeting, Secret signature) {}

    static Joining example(ZoomEndpoints zoom, String accountId, String clientId, String clientSecret) {
        // README:start
        HttpClient http = HttpClient.newHttpClient();
        Clock clock = Clock.systemUTC();
        // zoom = ZoomEndpoints.ZOOM, ZoomEndpoints.ZOOMGOV or ZoomEndpoints.of(oauthUrl, apiUrl)
        TokenSource oauth =
                new ZoomOAuth(http, zoom, new S2sCredentials(accountId, clientId, new Secret(clientSecret)), clock);
        ZoomUsers users = new ZoomUsers(http, zoom, oauth, clock);

        UserToken zak;
        try {
            zak = users.token("bot@example.com", TokenType.ZAK, Duration.ofHours(2), null);
        } catch (ZoomApiException e) {
            // e.getMessage(): "Zoom answered 404 (code 1001): User does not exist: bot@example.com."
            // e.isRateLimited() / e.retryAfter(), e.isUserNotFound(), e.trackingId() …
            throw e;
        } catch (ZoomTransportException e) {
            // Zoom did not answer in time, could not be reached, or answered garbage: e.kind()
            throw e;
        }

        MeetingUrl meeting = MeetingUrl.parse("https://us02web.zoom.us/j/81234567890?pwd=AbC123.1");
        SdkSigner signer = new SdkSigner(new SdkCredentials("sdk-key", new Secret("sdk-secret")), clock);
        Secret signature = signer.sign(meeting.meetingId(), 0); // role 0 joins, 1 starts (host's ZAK)
        // README:end
        return new Joining(zak, meeting, signature);
    }

    @Test
    void readmeExample_mintsAZakParsesALinkAndSigns() {
        try (MockZoom zoom = MockZoom.start()) {
            zoom.enqueue(MockZoom.oauthToken("access", 3599));
            zoom.enqueue(MockZoom.json(200, "{\"token\":\"zak-from-zoom\"}"));

            Joining joining = example(zoom.endpoints(), "account", "client", "client-secret");

            assertThat(joining.zak().token().reveal()).isEqualTo("zak-from-zoom");
            assertThat(joining.meeting().meetingId()).isEqualTo("81234567890");
            assertThat(joining.meeting().password()).isEqualTo("AbC123.1");
            assertThat(joining.signature().reveal()).startsWith("eyJ");
        }
    }
}
