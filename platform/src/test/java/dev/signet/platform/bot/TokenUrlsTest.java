package dev.signet.platform.bot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.secrets.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenUrlsTest {
    final TokenUrls strict = new TokenUrls(false);
    final TokenUrls loopback = new TokenUrls(true);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://t.example.com/zak",
                "https://t.example.com:8443/zak?token=a&user=b",
                "HTTPS://T.EXAMPLE.COM/zak"
            })
    void problem_httpsUrl_isNone(String url) {
        assertThat(strict.problem(url)).isNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.1:8081/zak?token=x",
                "http://localhost/zak",
                "http://[::1]:9/z",
                "http://127.1.2.3/z"
            })
    void problem_loopbackHttp_isAllowedOnlyWithTheFlag(String url) {
        assertThat(loopback.problem(url)).isNull();
        assertThat(strict.problem(url)).isEqualTo("must use https.");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://10.0.0.1/zak",
                "http://t.example.com/zak",
                "http://127.0.0.1.example.com/zak",
                "http://localhost.example.com/zak"
            })
    void problem_nonLoopbackHttp_isRefusedEvenWithTheFlag(String url) {
        assertThat(loopback.problem(url)).contains("https");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "not a url",
                "/relative?token=x",
                "ftp://t.example.com/zak",
                "https:///nohost",
                "https://user:pw@t.example.com/zak",
                "https://t.example.com/zak#frag",
                "mailto:a@example.com"
            })
    void problem_malformedUrl_isNamed(String url) {
        assertThat(strict.problem(url)).isNotNull();
    }

    @Test
    void problem_overlongUrl_isNamed() {
        assertThat(strict.problem("https://t.example.com/" + "a".repeat(3000))).contains("at most");
    }

    @Test
    void redact_replacesEveryQueryValueAndBareParameter() {
        assertThat(TokenUrls.redact(Secret.of("https://t.example.com:8443/z/zak?token=abc&user=bob&flag&empty=")))
                .isEqualTo("https://t.example.com:8443/z/zak?token=REDACTED&user=REDACTED&REDACTED&empty=REDACTED");
        assertThat(TokenUrls.redact(Secret.of("https://t.example.com/zak"))).isEqualTo("https://t.example.com/zak");
        assertThat(TokenUrls.redact(null)).isNull();
    }
}
