package dev.signet.broker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class BrokerOpenApiTest {
    @Test
    void openApi_isServedWithoutASecretAndListsTheTokenRoutes() throws Exception {
        try (Fixture fixture = Fixture.ready(Map.of())) {
            var response = fixture.get("/openapi.json");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
            JsonNode doc = new ObjectMapper().readTree(response.body());
            assertThat(doc.get("openapi").asText()).isEqualTo("3.1.0");
            assertThat(doc.get("paths").has("/zoom/zak")).isTrue();
            assertThat(doc.get("paths").has("/zoom/obf")).isTrue();
            assertThat(doc.at("/paths/~1zoom~1zak/get/responses/503/headers/Retry-After")
                            .isMissingNode())
                    .isFalse();
        }
    }
}
