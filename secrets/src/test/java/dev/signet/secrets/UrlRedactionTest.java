package dev.signet.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UrlRedactionTest {
    @Test
    void everyQueryValueAndBareParameter_isReplaced_keysStay() {
        assertThat(UrlRedaction.redactQuery("https://t.example.com:8443/z/zak?token=abc&user=bob&flag&empty="))
                .isEqualTo("https://t.example.com:8443/z/zak?token=REDACTED&user=REDACTED&REDACTED&empty=REDACTED");
        assertThat(UrlRedaction.redactQuery("https://t.example.com/zak")).isEqualTo("https://t.example.com/zak");
    }

    @Test
    void userInformationAndFragment_areDropped_andGarbageIsRedactedWhole() {
        assertThat(UrlRedaction.redactQuery("https://me:pw@h.example.com/hook?k=v#frag"))
                .isEqualTo("https://h.example.com/hook?k=REDACTED");
        assertThat(UrlRedaction.redactQuery("not a url with secret")).isEqualTo("REDACTED");
        assertThat(UrlRedaction.redactQuery("mailto:secret@example.com")).isEqualTo("REDACTED");
    }
}
