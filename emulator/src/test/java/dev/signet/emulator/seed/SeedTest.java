package dev.signet.emulator.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedTest {
    @Test
    void demo_hasTheStableCredentials() {
        Seed demo = Seed.demo();

        AccountSeed acme = demo.account(DemoSeed.ACME_ACCOUNT_ID).orElseThrow();
        assertThat(acme.plan()).isEqualTo("pro");
        assertThat(acme.users())
                .extracting(UserSeed::email)
                .containsExactly(DemoSeed.HOST_EMAIL, DemoSeed.NOTETAKER_EMAIL);
        assertThat(acme.sdkApps()).extracting(SdkAppSeed::published).containsExactly(true, false);
        assertThat(acme.s2sApps().getFirst().clientSecret().reveal()).isEqualTo(DemoSeed.ACME_S2S_CLIENT_SECRET);
        assertThat(demo.account(DemoSeed.GLOBEX_ACCOUNT_ID)).isPresent();
    }

    @Test
    void secrets_neverShowInToString() {
        assertThat(Seed.demo().toString())
                .doesNotContain(
                        DemoSeed.ACME_S2S_CLIENT_SECRET, DemoSeed.ACME_SDK_SECRET, DemoSeed.ACME_OAUTH_CLIENT_SECRET)
                .contains("***");
    }

    @Test
    void readmeExamples_parse() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        Matcher json =
                Pattern.compile("```json seed\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        Matcher yaml =
                Pattern.compile("```yaml seed\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(json.find()).as("a ```json seed block in README.md").isTrue();
        assertThat(yaml.find()).as("a ```yaml seed block in README.md").isTrue();

        Seed fromJson = Seed.fromJson(json.group(1));
        Seed fromYaml = Seed.fromYaml(yaml.group(1));

        assertThat(fromJson.accounts()).isNotEmpty();
        assertThat(fromYaml.toString()).isEqualTo(fromJson.toString());
    }

    @Test
    void load_picksFormatByExtension(@TempDir Path dir) throws IOException {
        Path yaml = dir.resolve("seed.yml");
        Files.writeString(yaml, "accounts:\n  - id: a\n    plan: free\n");
        Path json = dir.resolve("seed.json");
        Files.writeString(json, "{\"accounts\":[{\"id\":\"b\"}]}");

        assertThat(Seed.load(yaml).accounts().getFirst().plan()).isEqualTo("free");
        assertThat(Seed.load(json).accounts().getFirst().plan()).isEqualTo("pro");
    }

    @Test
    void invalid_saysWhatIsWrong() {
        assertThatThrownBy(() -> Seed.fromJson("{\"accounts\":[{\"name\":\"no id\"}]}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("account id is required");
        assertThatThrownBy(() -> Seed.fromJson("{\"acounts\":[]}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("acounts");
        assertThatThrownBy(() -> Seed.fromYaml("accounts: [")).isInstanceOf(IllegalArgumentException.class);
    }
}
