package dev.signet.zoom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ZoomEndpointsTest {
    @Test
    void constants_pointAtZoomAndZoomGov() {
        assertThat(ZoomEndpoints.ZOOM.oauthTokenUri()).isEqualTo(URI.create("https://zoom.us/oauth/token"));
        assertThat(ZoomEndpoints.ZOOM.api("/users/me/token?type=zak"))
                .isEqualTo(URI.create("https://api.zoom.us/v2/users/me/token?type=zak"));
        assertThat(ZoomEndpoints.ZOOMGOV.oauthTokenUri()).isEqualTo(URI.create("https://zoomgov.com/oauth/token"));
        assertThat(ZoomEndpoints.ZOOMGOV.apiBase()).isEqualTo(URI.create("https://api.zoomgov.com/v2"));
    }

    @Test
    void of_dropsTrailingSlashes() {
        ZoomEndpoints endpoints = ZoomEndpoints.of("http://127.0.0.1:8080/", "http://127.0.0.1:8080/zoom/v2//");

        assertThat(endpoints.oauthTokenUri()).isEqualTo(URI.create("http://127.0.0.1:8080/oauth/token"));
        assertThat(endpoints.api("/users/u")).isEqualTo(URI.create("http://127.0.0.1:8080/zoom/v2/users/u"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "zoom.us",
                "ftp://zoom.us",
                "https://",
                "https://zoom.us?x=1",
                "https://u:p@zoom.us",
                "not a url"
            })
    void of_rejectsWhatIsNotAnHttpBase(String base) {
        assertThatThrownBy(() -> ZoomEndpoints.of(base, "https://api.zoom.us/v2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("oauthBase");
    }

    @Test
    void api_needsALeadingSlash() {
        assertThatThrownBy(() -> ZoomEndpoints.ZOOM.api("users")).isInstanceOf(IllegalArgumentException.class);
    }
}
