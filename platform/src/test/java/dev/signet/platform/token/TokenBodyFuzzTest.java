package dev.signet.platform.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes the token-body judge: any body is either a token (printable ASCII, no whitespace, at most 512 characters,
 * not markup) or refused with a reason that never quotes the body; nothing escapes. See fuzz/README.md.
 */
class TokenBodyFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void problem_acceptsOnlyTokensAndNeverThrows(byte[] body) {
        String problem = TokenBody.problem(body);
        String text = new String(body, StandardCharsets.ISO_8859_1).strip();
        if (problem == null) {
            String token = TokenBody.token(body);
            assertThat(token).isEqualTo(text).isNotEmpty().doesNotStartWith("<");
            assertThat(token.length()).isLessThanOrEqualTo(TokenBody.MAX_TOKEN_LENGTH);
            assertThat(token.chars()).allMatch(c -> c >= 0x21 && c <= 0x7e);
        } else {
            assertThat(problem).startsWith("the body");
            if (text.length() >= 8) {
                assertThat(problem).doesNotContain(text);
            }
        }
    }
}
