package dev.signet.platform.driver.websdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SdkSourceTest {
    @Test
    void zoomCdn_hasTheScriptAtTheRoot_andLibUnderTheVersion() {
        SdkSource cdn = new SdkSource.ZoomCdn("6.2.0");

        assertThat(cdn.scriptUrl()).isEqualTo("https://source.zoom.us/zoom-meeting-6.2.0.min.js");
        assertThat(cdn.libUrl()).isEqualTo("https://source.zoom.us/6.2.0/lib");
        assertThat(cdn.vendorUrl("react")).isEqualTo("https://source.zoom.us/6.2.0/lib/vendor/react.min.js");
    }

    @Test
    void baseUrl_isLaidOutLikeDist_withOrWithoutTrailingSlash() {
        SdkSource base = new SdkSource.BaseUrl(URI.create("http://127.0.0.1:9/sdk/6.2.0"), "6.2.0");

        assertThat(base.scriptUrl()).isEqualTo("http://127.0.0.1:9/sdk/6.2.0/zoom-meeting-6.2.0.min.js");
        assertThat(base.libUrl()).isEqualTo("http://127.0.0.1:9/sdk/6.2.0/lib");
        assertThat(base.vendorUrl("lodash")).isEqualTo("http://127.0.0.1:9/sdk/6.2.0/lib/vendor/lodash.min.js");
    }

    @Test
    void localAssets_areServedUnderTheAssetsPath() {
        SdkSource local = new SdkSource.LocalAssets(Path.of("/nonexistent/dist"), "6.2.0");

        assertThat(local.scriptUrl()).isEqualTo("/websdk/sdk/zoom-meeting-6.2.0.min.js");
        assertThat(local.libUrl()).isEqualTo("/websdk/sdk/lib");
        assertThat(((SdkSource.LocalAssets) local).present()).isFalse();
    }

    @Test
    void invalidInput_isRefusedNamingIt() {
        assertThatThrownBy(() -> new SdkSource.BaseUrl(URI.create("/relative/"), "6.2.0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("absolute http(s)");
        assertThatThrownBy(() -> new SdkSource.BaseUrl(URI.create("file:///tmp/"), "6.2.0"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SdkSource.ZoomCdn("6.2.0/../x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("version");
    }
}
