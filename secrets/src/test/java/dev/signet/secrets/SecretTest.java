package dev.signet.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretTest {
    @Test
    void toString_isRedacted() {
        Secret secret = new Secret("zak-123");

        assertThat(secret).hasToString("***");
        assertThat(String.valueOf(Map.of("token", secret))).doesNotContain("zak-123");
        assertThat(secret.reveal()).isEqualTo("zak-123");
    }

    @Test
    void jackson_writesTheRedaction() throws Exception {
        String json = new ObjectMapper().writeValueAsString(Map.of("token", new Secret("zak-123")));

        assertThat(json).isEqualTo("{\"token\":\"***\"}");
    }

    @Test
    void equality_followsTheValue() {
        assertThat(new Secret("a")).isEqualTo(Secret.of("a")).isNotEqualTo(new Secret("b"));
        assertThat(new Secret("a").hashCode()).isEqualTo(new Secret("a").hashCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t\n"})
    void constructor_rejectsBlank(String value) {
        assertThatThrownBy(() -> new Secret(value)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @SuppressWarnings("NullAway")
    void constructor_rejectsNull() {
        assertThatThrownBy(() -> new Secret(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
