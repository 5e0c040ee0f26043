package dev.signet.zoom.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ZoomExchangeTest {
    @Test
    void clean_scrubsSecretsControlCharactersAndLength() {
        assertThat(ZoomExchange.clean("bad token tok-123 here", List.of("tok-123")))
                .isEqualTo("bad token *** here");
        assertThat(ZoomExchange.clean("line\nbreak\u0000", List.of())).isEqualTo("line break");
        assertThat(ZoomExchange.clean("x".repeat(1000), List.of())).hasSize(300);
    }
}
