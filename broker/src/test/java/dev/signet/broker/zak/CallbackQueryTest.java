package dev.signet.broker.zak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CallbackQueryTest {
    @Test
    void parse_withoutQuery_hasNeither() {
        assertThat(CallbackQuery.parse(null, "token")).isEqualTo(new CallbackQuery(null, null));
        assertThat(CallbackQuery.parse("", "token")).isEqualTo(new CallbackQuery(null, null));
    }

    @Test
    void parse_readsSecretAndUserAmongOtherParameters() {
        assertThat(CallbackQuery.parse("a=1&token=s3cret&b&user=bot@example.com&c=", "token"))
                .isEqualTo(new CallbackQuery("s3cret", "bot@example.com"));
    }

    @Test
    void parse_decodesPercentAndPlusLikeAForm() {
        assertThat(CallbackQuery.parse("token=a%2Bb+c&user=notes%2Bbot%40example.com", "token"))
                .isEqualTo(new CallbackQuery("a+b c", "notes+bot@example.com"));
    }

    @Test
    void parse_firstOccurrenceCounts_andEncodedNamesMatch() {
        assertThat(CallbackQuery.parse("%74oken=first&token=second&user=&user=x", "token"))
                .isEqualTo(new CallbackQuery("first", ""));
    }

    @Test
    void parse_customSecretName_ignoresToken() {
        assertThat(CallbackQuery.parse("token=t&key=k", "key")).isEqualTo(new CallbackQuery("k", null));
    }

    @Test
    void parse_nameWithoutValue_isEmpty() {
        assertThat(CallbackQuery.parse("token", "token")).isEqualTo(new CallbackQuery("", null));
    }

    @Test
    void parse_badPercentEncoding_throws() {
        assertThatThrownBy(() -> CallbackQuery.parse("token=%zz", "token"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
