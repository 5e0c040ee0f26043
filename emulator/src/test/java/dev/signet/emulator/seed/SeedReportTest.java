package dev.signet.emulator.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SeedReportTest {
    @Test
    void lines_nameBaseUrlsAndEveryCredential() {
        List<String> lines = SeedReport.lines(Seed.demo(), "http://127.0.0.1:9090");

        assertThat(lines.getFirst()).isEqualTo("Zoom emulator listening on http://127.0.0.1:9090");
        assertThat(String.join("\n", lines))
                .contains("http://127.0.0.1:9090/v2")
                .contains("account_id=acme-account client_id=acme-s2s-client client_secret="
                        + DemoSeed.ACME_S2S_CLIENT_SECRET)
                .contains("key=acme-sdk-key secret=" + DemoSeed.ACME_SDK_SECRET + " (published)")
                .contains("key=acme-dev-sdk-key secret=" + DemoSeed.ACME_UNPUBLISHED_SDK_SECRET + " (unpublished)")
                .contains("u-acme-notetaker <notetaker@acme.example> \"Acme Notetaker\"")
                .contains("Meeting         81234567890 \"Acme weekly\" host=u-hana-host passcode=acme123")
                .contains("Account globex-account \"Globex\" (free plan)");
    }
}
