package dev.signet.emulator.web;

import static dev.signet.emulator.Fixture.assertAnswer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.emulator.Fixture;
import dev.signet.emulator.seed.DemoSeed;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class PagesTest {
    private final Fixture f = Fixture.demo();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void index_listsMeetings() {
        HttpResponse<String> r = f.http.get("/emulator/web/meetings");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("Acme weekly", "/emulator/web/meetings/" + DemoSeed.ACME_MEETING, "Hana Host");
        assertThat(f.http.get("/").headers().firstValue("Location")).hasValue("/emulator/web/meetings");
        assertThat(f.http.get("/meetings/81234567890").headers().firstValue("Location"))
                .hasValue("/emulator/web/meetings/81234567890");
    }

    @Test
    void meetingPage_showsAvatarsAndSignedInBadges_escaped() {
        f.startAsHost(DemoSeed.ACME_MEETING);
        f.join(
                DemoSeed.ACME_MEETING,
                "signature",
                f.acmeSignature(DemoSeed.ACME_MEETING, 0),
                "display_name",
                "<b>Bot</b>",
                "passcode",
                DemoSeed.ACME_MEETING_PASSCODE,
                "zak",
                f.zak(DemoSeed.NOTETAKER_USER_ID));

        String page =
                f.http.get("/emulator/web/meetings/" + DemoSeed.ACME_MEETING).body();

        assertThat(page)
                .contains("&lt;b&gt;Bot&lt;/b&gt;")
                .doesNotContain("<b>Bot</b>")
                .contains("signed in as notetaker@acme.example")
                .contains("src=\"" + f.emulator.baseUrl() + "/emulator/avatars/u-acme-notetaker.svg\"");
    }

    @Test
    void meetingPage_unknown_is404() {
        assertAnswer(
                f.http.get("/emulator/web/meetings/123"),
                404,
                "{\"error_code\":404,\"reason\":\"meeting 123 not found\"}");
    }
}
