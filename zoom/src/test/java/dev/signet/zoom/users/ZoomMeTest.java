package dev.signet.zoom.users;

import static dev.signet.zoom.MockZoom.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.signet.secrets.Secret;
import dev.signet.testkit.MutableClock;
import dev.signet.zoom.MockZoom;
import dev.signet.zoom.ZoomApiException;
import java.time.Duration;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ZoomMeTest {
    private final MutableClock clock = MutableClock.fixed();
    private MockZoom zoom;
    private ZoomMe me;

    @BeforeEach
    void start() {
        zoom = MockZoom.start();
        me = new ZoomMe(MockZoom.http(), zoom.endpoints(), clock, Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        zoom.close();
    }

    @Test
    void me_readsIdEmailAccountAndName() {
        zoom.enqueue(json(
                200,
                "{\"id\":\"u-1\",\"email\":\"ann@other.example\",\"account_id\":\"acct-9\",\"first_name\":\"Ann\","
                        + "\"last_name\":\"Lee\"}"));

        SignedInUser user = me.me(Secret.of("user-access"));

        assertThat(user).isEqualTo(new SignedInUser("u-1", "ann@other.example", "acct-9", "Ann Lee"));
        RecordedRequest request = zoom.take();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v2/users/me");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer user-access");
    }

    @Test
    void onBehalfToken_mintsForTheMeetingWithTheUserToken() {
        zoom.enqueue(json(200, "{\"token\":\"obf.token.1\"}"));

        UserToken token = me.onBehalfToken(Secret.of("user-access"), "81234567890");

        assertThat(token.token().reveal()).isEqualTo("obf.token.1");
        RecordedRequest request = zoom.take();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v2/users/me/token");
        assertThat(request.getUrl().query()).isEqualTo("type=onbehalf&meeting_id=81234567890");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer user-access");
    }

    @Test
    void onBehalfToken_expiredAccessToken_isCode124() {
        zoom.enqueue(json(401, "{\"code\":124,\"message\":\"Access token is expired.\"}"));

        ZoomApiException e = catchThrowableOfType(
                ZoomApiException.class, () -> me.onBehalfToken(Secret.of("user-access"), "81234567890"));

        assertThat(e.isInvalidAccessToken()).isTrue();
    }

    @Test
    void onBehalfToken_meetingIdNotDigits_isRefusedBeforeCallingZoom() {
        assertThatThrownBy(() -> me.onBehalfToken(Secret.of("a"), "812&type=zak"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(zoom.requestCount()).isZero();
    }
}
