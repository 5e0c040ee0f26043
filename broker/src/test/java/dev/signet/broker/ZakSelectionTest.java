package dev.signet.broker;

import static dev.signet.broker.Fixture.ALICE;
import static dev.signet.broker.Fixture.BOB;
import static dev.signet.broker.Fixture.CAROL;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class ZakSelectionTest {
    @Test
    void zak_withoutUser_usesFirstUserStickily() {
        try (Fixture fixture = Fixture.ready(Map.of())) {
            List<String> owners = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                owners.add(fixture.owner(fixture.zak()));
            }

            assertThat(owners).containsOnly(ALICE);
            assertThat(fixture.zoom.mintCalls(BOB)).isZero();
        }
    }

    @Test
    void zak_withConfiguredUser_mintsForThatUserAnyCase() {
        try (Fixture fixture = Fixture.ready(Map.of())) {
            assertThat(fixture.owner(fixture.zak("&user=" + BOB))).isEqualTo(BOB);
            assertThat(fixture.owner(fixture.zak("&user=CAROL@Example.COM"))).isEqualTo(CAROL);
            assertThat(fixture.zoom.mintCalls(BOB)).isEqualTo(1);
        }
    }

    @Test
    void zak_withUnconfiguredUser_is404WithoutCallingZoom() {
        try (Fixture fixture = Fixture.ready(Map.of())) {
            int before = fixture.zoom.mintCalls();

            HttpResponse<String> response =
                    fixture.get("/zoom/zak?token=" + Fixture.SECRET + "&user=mallory@example.com");

            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.body()).doesNotContain("mallory");
            assertThat(fixture.zoom.mintCalls()).isEqualTo(before);
            assertThat(fixture.get("/zoom/zak?token=" + Fixture.SECRET + "&user=")
                            .statusCode())
                    .isEqualTo(400);
        }
    }

    @Test
    void zak_whenZoomReportsFirstUserMissing_failsOverAndSetsItAsideForTheCooldown() {
        FakeZoom zoom = new FakeZoom();
        zoom.script(ALICE, FakeZoom.Answer.userNotFound(ALICE));
        try (Fixture fixture = Fixture.start(zoom, Map.of("SIGNET_BROKER_USER_COOLDOWN", "600"))) {
            fixture.awaitReady();

            assertThat(fixture.owner(fixture.zak())).isEqualTo(BOB);
            assertThat(fixture.owner(fixture.zak())).isEqualTo(BOB);
            assertThat(zoom.mintCalls(ALICE)).isEqualTo(1);

            fixture.clock.advance(Duration.ofSeconds(601));

            assertThat(fixture.owner(fixture.zak())).isEqualTo(ALICE);
            assertThat(zoom.mintCalls(ALICE)).isEqualTo(2);
        }
    }

    @Test
    void zak_whenNamedUserIsMissingAtZoom_is502ThenSetAsideWithoutCallingZoomAgain() {
        try (Fixture fixture = Fixture.ready(Map.of())) {
            fixture.zoom.script(CAROL, FakeZoom.Answer.userNotFound(CAROL));
            String url = "/zoom/zak?token=" + Fixture.SECRET + "&user=" + CAROL;

            HttpResponse<String> first = fixture.get(url);
            HttpResponse<String> second = fixture.get(url);

            assertThat(first.statusCode()).isEqualTo(502);
            assertThat(first.body()).contains("404").contains("1001");
            assertThat(second.statusCode()).isEqualTo(502);
            assertThat(second.body()).contains("set aside");
            assertThat(fixture.zoom.mintCalls(CAROL)).isEqualTo(1);
        }
    }

    @Test
    void zak_whenZoomRefusesEveryUser_is502AndNotReady() {
        FakeZoom zoom = new FakeZoom();
        zoom.script(ALICE, FakeZoom.Answer.userNotFound(ALICE));
        zoom.script(BOB, FakeZoom.Answer.userNotFound(BOB));
        zoom.script(CAROL, FakeZoom.Answer.userNotFound(CAROL));
        try (Fixture fixture = Fixture.start(zoom, Map.of())) {
            HttpResponse<String> response = fixture.get("/zoom/zak?token=" + Fixture.SECRET);

            assertThat(response.statusCode()).isEqualTo(502);
            assertThat(response.body()).contains("no configured Zoom user is usable");
            assertThat(fixture.get("/readyz").statusCode()).isEqualTo(503);
            assertThat(zoom.mintCalls()).isEqualTo(3);
        }
    }

    @Test
    void zak_roundRobin_spreadsRequestsOverEveryUser() {
        try (Fixture fixture = Fixture.ready(Map.of("SIGNET_BROKER_POOL", "round-robin"))) {
            List<String> owners = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                owners.add(fixture.owner(fixture.zak()));
            }

            assertThat(owners.subList(0, 3)).containsExactlyInAnyOrder(ALICE, BOB, CAROL);
            assertThat(owners.subList(3, 6)).isEqualTo(owners.subList(0, 3));
        }
    }

    @Test
    void zak_withUnencodedPlusInUserOrSecret_stillMatches() {
        try (Fixture fixture = Fixture.ready(Map.of(
                "SIGNET_BROKER_ZAK_USERS", "notes+bot@example.com",
                "SIGNET_BROKER_SECRETS", "plus+secret+0123456789"))) {
            HttpResponse<String> response =
                    fixture.get("/zoom/zak?token=plus+secret+0123456789&user=notes+bot@example.com");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(fixture.owner(response.body())).isEqualTo("notes+bot@example.com");
        }
    }
}
