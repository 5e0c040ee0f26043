package dev.signet.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class BrokerCustomParamTest {
    @Test
    void zak_withConfiguredParameterName_readsOnlyThatParameter() {
        try (Fixture fixture = Fixture.ready(Map.of("SIGNET_BROKER_SECRET_PARAM", "key"))) {
            assertThat(fixture.get("/zoom/zak?key=" + Fixture.SECRET).statusCode())
                    .isEqualTo(200);
            assertThat(fixture.get("/zoom/zak?token=" + Fixture.SECRET).statusCode())
                    .isEqualTo(401);
        }
    }
}
