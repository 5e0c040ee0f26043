package dev.signet.emulator.join;

import static dev.signet.emulator.Fixture.assertAnswer;
import static dev.signet.emulator.Fixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signet.emulator.Fixture;
import dev.signet.emulator.seed.DemoSeed;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every join outcome of the README's rule list, each with its exact code and reason. */
@Timeout(30)
class JoinRulesTest {
    private static final long ACME = DemoSeed.ACME_MEETING;
    private static final String PASS = DemoSeed.ACME_MEETING_PASSCODE;

    private final Fixture f = Fixture.demo();

    @AfterEach
    void close() {
        f.close();
    }

    private HttpResponse<String> joinAcme(Object... extra) {
        Object[] base = {"signature", f.acmeSignature(ACME, 0), "display_name", "Notetaker", "passcode", PASS};
        Object[] all = new Object[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return f.join(ACME, all);
    }

    private static void assertRefused(HttpResponse<String> r, int code, String reason) {
        assertAnswer(r, 403, "{\"error_code\":" + code + ",\"reason\":\"" + reason + "\"}");
    }

    @Test
    void joined_answersParticipantWithUrls() {
        f.startAsHost(ACME);

        HttpResponse<String> r = joinAcme("zak", f.zak(DemoSeed.NOTETAKER_USER_ID));

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = json(r);
        String id = body.get("participant_id").asText();
        assertThat(id).startsWith("p_");
        assertAnswer(
                r,
                200,
                "{\"participant_id\":\"" + id + "\",\"status\":\"in_meeting\",\"role\":\"attendee\","
                        + "\"signed_in_as\":\"notetaker@acme.example\",\"events_url\":\"/emulator/participants/" + id
                        + "/events\",\"leave_url\":\"/emulator/participants/" + id + "/leave\"}");
    }

    @Test
    void anonymous_signedInAsIsNull() {
        f.startAsHost(ACME);

        assertThat(json(joinAcme()).get("signed_in_as").isNull()).isTrue();
    }

    @Test
    void signature_forgedOrMalformed_is3712() {
        String forged = f.signature(DemoSeed.ACME_SDK_KEY, "not-the-secret-0123456789abcdef", ACME, 0);
        assertRefused(
                f.join(ACME, "signature", forged, "display_name", "x", "passcode", PASS),
                3712,
                "Signature is invalid.");
        assertRefused(
                f.join(ACME, "signature", "a.b.c", "display_name", "x", "passcode", PASS),
                3712,
                "Signature is invalid.");
        assertRefused(f.join(ACME, "display_name", "x", "passcode", PASS), 3712, "Signature is invalid.");
    }

    @Test
    void signature_unknownApp_is3712() {
        String unknown = f.signature("no-such-key", "whatever-secret-0123456789abcdef", ACME, 0);

        assertRefused(
                f.join(ACME, "signature", unknown, "display_name", "x", "passcode", PASS),
                3712,
                "Signature is invalid.");
    }

    @Test
    void signature_forOtherMeetingOrRoleOrKey_is3712() {
        assertRefused(
                f.join(ACME, "signature", f.acmeSignature(DemoSeed.ACME_SIGNED_IN_MEETING, 0), "display_name", "x"),
                3712,
                "Signature is invalid.");
        assertRefused(
                f.join(ACME, "signature", f.acmeSignature(ACME, 1), "display_name", "x", "role", 0),
                3712,
                "Signature is invalid.");
        assertRefused(
                f.join(ACME, "signature", f.acmeSignature(ACME, 0), "display_name", "x", "sdk_key", "other"),
                3712,
                "Signature is invalid.");
    }

    @Test
    void signature_lifeOutsideBounds_is3712() {
        Instant iat = f.clock.instant().minusSeconds(10);
        String tooShort =
                f.signature(DemoSeed.ACME_SDK_KEY, DemoSeed.ACME_SDK_SECRET, ACME, 0, iat, iat.plusSeconds(1799));
        String tooLong =
                f.signature(DemoSeed.ACME_SDK_KEY, DemoSeed.ACME_SDK_SECRET, ACME, 0, iat, iat.plusSeconds(172_801));

        assertRefused(f.join(ACME, "signature", tooShort, "display_name", "x"), 3712, "Signature is invalid.");
        assertRefused(f.join(ACME, "signature", tooLong, "display_name", "x"), 3712, "Signature is invalid.");
    }

    @Test
    void signature_expired_is3705() {
        String signature = f.acmeSignature(ACME, 0);
        f.clock.advance(Duration.ofHours(3));

        assertRefused(
                f.join(ACME, "signature", signature, "display_name", "x", "passcode", PASS),
                3705,
                "The signature has expired.");
    }

    @Test
    void meeting_unknown_is3001() {
        assertRefused(
                f.join(12345678901L, "signature", f.acmeSignature(12345678901L, 0), "display_name", "x"),
                3001,
                "Meeting does not exist.");
    }

    @Test
    void meeting_ended_is4004() {
        f.startAsHost(ACME);
        f.http.postJson("/emulator/meetings/" + ACME + "/end", "");

        assertRefused(joinAcme(), 4004, "The meeting has ended.");
    }

    @Test
    void obf_withZak_is3636() {
        f.startAsHost(ACME);

        assertRefused(
                joinAcme("zak", f.zak(DemoSeed.NOTETAKER_USER_ID), "obf_token", f.obf(DemoSeed.HOST_USER_ID, ACME)),
                3636,
                Refusal.OBF_ERROR.reason());
    }

    @Test
    void obf_unknown_is4014() {
        f.startAsHost(ACME);

        assertRefused(joinAcme("obf_token", "made-up"), 4014, "The OBF token is invalid or has already been used.");
    }

    @Test
    void obf_usedTwice_is4014() {
        f.startAsHost(ACME);
        String obf = f.obf(DemoSeed.HOST_USER_ID, ACME);

        assertThat(joinAcme("obf_token", obf).statusCode()).isEqualTo(200);
        assertRefused(joinAcme("obf_token", obf), 4014, "The OBF token is invalid or has already been used.");
    }

    @Test
    void obf_forAnotherMeeting_is4015() {
        f.startAsHost(ACME);
        String obf = f.obf(DemoSeed.HOST_USER_ID, DemoSeed.ACME_WAITING_ROOM_MEETING);

        assertRefused(joinAcme("obf_token", obf), 4015, "The OBF token was issued for another meeting.");
    }

    @Test
    void obf_authorizingUserAbsent_is4017_thenJoinsOnceTheyArrive() {
        String obf = f.obf(DemoSeed.HOST_USER_ID, ACME);

        assertRefused(joinAcme("obf_token", obf), 4017, "The user who authorized the OBF token is not in the meeting.");
        f.startAsHost(ACME);
        HttpResponse<String> r = joinAcme("obf_token", obf);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).get("signed_in_as").isNull()).isTrue();
    }

    @Test
    void obf_crossAccount_withPublishedApp_joins() {
        HttpResponse<String> start = f.http.postJson("/emulator/meetings/" + DemoSeed.GLOBEX_MEETING + "/start", "{}");
        assertThat(start.statusCode()).isEqualTo(200);
        HttpResponse<String> authorizeGary = f.http.postForm(
                "/oauth/authorize",
                "response_type=code&client_id=" + DemoSeed.ACME_OAUTH_CLIENT_ID
                        + "&redirect_uri=http://127.0.0.1:9/cb&user_id=" + DemoSeed.GLOBEX_USER_ID
                        + "&decision=approve");
        assertThat(authorizeGary.statusCode()).isEqualTo(302);
        String obf = f.obf(DemoSeed.GLOBEX_USER_ID, DemoSeed.GLOBEX_MEETING);

        HttpResponse<String> r = f.join(
                DemoSeed.GLOBEX_MEETING,
                "signature",
                f.acmeSignature(DemoSeed.GLOBEX_MEETING, 0),
                "display_name",
                "Acme Notetaker",
                "passcode",
                DemoSeed.GLOBEX_MEETING_PASSCODE,
                "obf_token",
                obf);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    @Test
    void zak_unknown_is3265() {
        f.startAsHost(ACME);

        assertRefused(joinAcme("zak", "emu_zak_forged"), 3265, "Invalid ZAK token.");
    }

    @Test
    void zak_ofBlockedAccount_is3265() {
        f.startAsHost(ACME);
        String zak = f.zak(DemoSeed.NOTETAKER_USER_ID);
        f.http.postJson("/emulator/admin/accounts/" + DemoSeed.ACME_ACCOUNT_ID + "/block", "{\"blocked\":true}");

        assertRefused(joinAcme("zak", zak), 3265, "Invalid ZAK token.");
    }

    @Test
    void role1_withHostsZak_startsTheMeetingAsHost() {
        HttpResponse<String> r = f.join(
                ACME,
                "signature",
                f.acmeSignature(ACME, 1),
                "display_name",
                "Notetaker",
                "role",
                1,
                "zak",
                f.zak(DemoSeed.HOST_USER_ID));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r).get("role").asText()).isEqualTo("host");
        assertThat(json(r).get("status").asText()).isEqualTo("in_meeting");
        assertThat(json(f.http.get("/emulator/meetings/" + ACME)).get("status").asText())
                .isEqualTo("started");
    }

    @Test
    void role1_withAnotherUsersZakOrNone_is3003() {
        assertRefused(
                f.join(
                        ACME,
                        "signature",
                        f.acmeSignature(ACME, 1),
                        "display_name",
                        "Notetaker",
                        "role",
                        1,
                        "zak",
                        f.zak(DemoSeed.NOTETAKER_USER_ID)),
                3003,
                "You are not the meeting host");
        assertRefused(
                f.join(ACME, "signature", f.acmeSignature(ACME, 1), "display_name", "Notetaker", "role", 1),
                3003,
                "You are not the meeting host");
    }

    @Test
    void crossAccount_unpublishedApp_is4011_evenWithZak() {
        f.http.postJson("/emulator/meetings/" + DemoSeed.GLOBEX_MEETING + "/start", "{}");
        String unpublished = f.signature(
                DemoSeed.ACME_UNPUBLISHED_SDK_KEY, DemoSeed.ACME_UNPUBLISHED_SDK_SECRET, DemoSeed.GLOBEX_MEETING, 0);

        assertRefused(
                f.join(
                        DemoSeed.GLOBEX_MEETING,
                        "signature",
                        unpublished,
                        "display_name",
                        "Bot",
                        "passcode",
                        DemoSeed.GLOBEX_MEETING_PASSCODE,
                        "zak",
                        f.zak(DemoSeed.NOTETAKER_USER_ID)),
                4011,
                Refusal.APP_NOT_PUBLISHED.reason());
    }

    @Test
    void crossAccount_withoutZakOrObf_is4012_withZakJoins() {
        f.http.postJson("/emulator/meetings/" + DemoSeed.GLOBEX_MEETING + "/start", "{}");
        Object[] join = {
            "signature",
            f.acmeSignature(DemoSeed.GLOBEX_MEETING, 0),
            "display_name",
            "Bot",
            "passcode",
            DemoSeed.GLOBEX_MEETING_PASSCODE
        };

        assertRefused(f.join(DemoSeed.GLOBEX_MEETING, join), 4012, Refusal.ANONYMOUS_REFUSED.reason());
        Object[] withZak = java.util.Arrays.copyOf(join, join.length + 2);
        withZak[join.length] = "zak";
        withZak[join.length + 1] = f.zak(DemoSeed.NOTETAKER_USER_ID);
        assertThat(f.join(DemoSeed.GLOBEX_MEETING, withZak).statusCode()).isEqualTo(200);
    }

    @Test
    void unpublishedApp_ownAccount_joins() {
        f.startAsHost(ACME);
        String signature =
                f.signature(DemoSeed.ACME_UNPUBLISHED_SDK_KEY, DemoSeed.ACME_UNPUBLISHED_SDK_SECRET, ACME, 0);

        assertThat(f.join(ACME, "signature", signature, "display_name", "Dev", "passcode", PASS)
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void passcode_wrongOrMissing_is3004_encryptedPwdAccepted() {
        f.startAsHost(ACME);
        String joinUrl =
                json(f.http.get("/emulator/meetings/" + ACME)).get("join_url").asText();
        String pwd = joinUrl.substring(joinUrl.indexOf("pwd=") + 4);

        assertRefused(
                f.join(ACME, "signature", f.acmeSignature(ACME, 0), "display_name", "x", "passcode", "nope"),
                3004,
                "Meeting Passcode wrong.");
        assertRefused(
                f.join(ACME, "signature", f.acmeSignature(ACME, 0), "display_name", "x"),
                3004,
                "Meeting Passcode wrong.");
        assertThat(f.join(ACME, "signature", f.acmeSignature(ACME, 0), "display_name", "x", "passcode", pwd)
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void locked_is4006_unlockedJoins() {
        f.startAsHost(ACME);
        assertThat(f.http.postJson("/emulator/meetings/" + ACME + "/lock", "{\"locked\":true}")
                        .statusCode())
                .isEqualTo(204);

        assertRefused(joinAcme(), 4006, "The meeting is locked.");
        f.http.postJson("/emulator/meetings/" + ACME + "/lock", "{\"locked\":false}");
        assertThat(joinAcme().statusCode()).isEqualTo(200);
    }

    @Test
    void full_is4005() {
        f.http.postJson(
                "/emulator/admin/seed",
                "{\"accounts\":[{\"id\":\"acme-account\",\"name\":\"Acme\",\"plan\":\"pro\",\"meetings\":"
                        + "[{\"id\":81200000001,\"host\":\"u-hana-host\",\"topic\":\"Tiny\",\"capacity\":2}]}]}");
        long tiny = 81200000001L;
        f.startAsHost(tiny);
        assertThat(f.join(tiny, "signature", f.acmeSignature(tiny, 0), "display_name", "one")
                        .statusCode())
                .isEqualTo(200);

        assertRefused(
                f.join(tiny, "signature", f.acmeSignature(tiny, 0), "display_name", "two"),
                4005,
                "The meeting has reached its capacity.");
    }

    @Test
    void authentication_withoutZak_is3100() {
        long id = DemoSeed.ACME_SIGNED_IN_MEETING;
        f.startAsHost(id);

        assertRefused(f.join(id, "signature", f.acmeSignature(id, 0), "display_name", "Anon"), 3100, "Require login");
    }

    @Test
    void authentication_withZakOfOtherDomain_is3100_matchingDomainJoins() {
        long id = DemoSeed.ACME_SIGNED_IN_MEETING;
        f.startAsHost(id);
        String garyZak = Fixture.json(f.http.get(
                        "/v2/users/" + DemoSeed.GLOBEX_USER_ID + "/token?type=zak",
                        "Authorization",
                        "Bearer "
                                + f.s2sToken(
                                        DemoSeed.GLOBEX_S2S_CLIENT_ID,
                                        DemoSeed.GLOBEX_S2S_CLIENT_SECRET,
                                        DemoSeed.GLOBEX_ACCOUNT_ID)))
                .get("token")
                .asText();

        assertRefused(
                f.join(id, "signature", f.acmeSignature(id, 0), "display_name", "Gary", "zak", garyZak),
                3100,
                "Require login");
        HttpResponse<String> r = f.join(
                id,
                "signature",
                f.acmeSignature(id, 0),
                "display_name",
                "Bot",
                "zak",
                f.zak(DemoSeed.NOTETAKER_USER_ID));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).get("signed_in_as").asText()).isEqualTo(DemoSeed.NOTETAKER_EMAIL);
    }

    @Test
    void notStarted_withoutJoinBeforeHost_waitsForHost() {
        HttpResponse<String> r = joinAcme();

        assertThat(json(r).get("status").asText()).isEqualTo("waiting_for_host");
    }

    @Test
    void notStarted_withJoinBeforeHost_joinsAndStarts() {
        String token = f.acmeToken();
        f.http.method(
                "PATCH",
                "/v2/meetings/" + ACME,
                "{\"settings\":{\"join_before_host\":true}}",
                "Authorization",
                "Bearer " + token);

        assertThat(json(joinAcme()).get("status").asText()).isEqualTo("in_meeting");
        assertThat(json(f.http.get("/emulator/meetings/" + ACME)).get("status").asText())
                .isEqualTo("started");
    }

    @Test
    void waitingRoom_waitsUntilAdmitted() {
        long id = DemoSeed.ACME_WAITING_ROOM_MEETING;
        f.startAsHost(id);

        HttpResponse<String> r = f.join(id, "signature", f.acmeSignature(id, 0), "display_name", "Bot");
        assertThat(json(r).get("status").asText()).isEqualTo("waiting_room");
        String pid = json(r).get("participant_id").asText();

        assertThat(f.http.postJson("/emulator/meetings/" + id + "/participants/" + pid + "/admit", "")
                        .statusCode())
                .isEqualTo(204);
        JsonNode state = json(f.http.get("/emulator/meetings/" + id));
        assertThat(state.get("participants").get(1).get("status").asText()).isEqualTo("in_meeting");
        assertThat(f.http.postJson("/emulator/meetings/" + id + "/participants/" + pid + "/admit", "")
                        .statusCode())
                .isEqualTo(409);
    }

    @Test
    void malformedRequests_are400NamingTheField() {
        assertAnswer(f.join(ACME, "signature", "x"), 400, "{\"error_code\":1,\"reason\":\"display_name is required\"}");
        assertAnswer(
                f.join(ACME, "signature", "x", "display_name", "x", "role", 2),
                400,
                "{\"error_code\":1,\"reason\":\"role must be 0 or 1\"}");
        assertAnswer(
                f.http.postJson("/emulator/meetings/" + ACME + "/join", "{oops"),
                400,
                "{\"error_code\":1,\"reason\":\"the request body is not valid JSON\"}");
    }

    @Test
    void participantShownAsZakUser_withAvatar() {
        f.startAsHost(ACME);
        joinAcme("zak", f.zak(DemoSeed.NOTETAKER_USER_ID));

        JsonNode bot = json(f.http.get("/emulator/meetings/" + ACME))
                .get("participants")
                .get(1);

        assertThat(bot.get("display_name").asText()).isEqualTo("Notetaker");
        assertThat(bot.get("signed_in_as").asText()).isEqualTo(DemoSeed.NOTETAKER_EMAIL);
        assertThat(bot.get("avatar_url").asText())
                .isEqualTo(f.emulator.baseUrl() + "/emulator/avatars/u-acme-notetaker.svg");
        assertThat(bot.get("role").asText()).isEqualTo("attendee");
    }
}
