package dev.signet.emulator.meetings;

import static dev.signet.emulator.Fixture.assertAnswer;
import static dev.signet.emulator.Fixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signet.emulator.Fixture;
import dev.signet.emulator.seed.DemoSeed;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Zoom's local-recording join token and what a join with one (and a given email) records. */
@Timeout(30)
class LocalRecordingTokenTest {
    private static final long ACME = DemoSeed.ACME_MEETING;

    private final Fixture f = Fixture.demo();

    @AfterEach
    void close() {
        f.close();
    }

    private HttpResponse<String> jointoken(long meeting, String accessToken) {
        return f.http.get(
                "/v2/meetings/" + meeting + "/jointoken/local_recording", "Authorization", "Bearer " + accessToken);
    }

    private String recordingToken(long meeting) {
        HttpResponse<String> r = jointoken(meeting, f.acmeToken());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r).get("token").asText();
    }

    private HttpResponse<String> join(Object... extra) {
        Object[] pairs = new Object[6 + extra.length];
        System.arraycopy(
                new Object[] {
                    "signature",
                    f.acmeSignature(ACME, 0),
                    "display_name",
                    "Notetaker",
                    "passcode",
                    DemoSeed.ACME_MEETING_PASSCODE
                },
                0,
                pairs,
                0,
                6);
        System.arraycopy(extra, 0, pairs, 6, extra.length);
        return f.join(ACME, pairs);
    }

    private JsonNode participant(String participantId) {
        for (JsonNode p : json(f.http.get("/emulator/meetings/" + ACME)).get("participants")) {
            if (p.get("participant_id").asText().equals(participantId)) {
                return p;
            }
        }
        throw new AssertionError("no participant " + participantId);
    }

    @Test
    void jointoken_ownAccountS2s_answersTokenAndExpireIn120() {
        HttpResponse<String> r = jointoken(ACME, f.acmeToken());

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r).fieldNames()).toIterable().containsExactly("token", "expire_in");
        assertThat(json(r).get("expire_in").asInt()).isEqualTo(120);
        assertThat(json(r).get("token").asText()).matches("[\\x21-\\x7e]{20,512}");
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void jointoken_userLevelTokenOfTheAccount_works() {
        String user = f.authorize(DemoSeed.NOTETAKER_USER_ID).accessToken();

        assertThat(jointoken(ACME, user).statusCode()).isEqualTo(200);
    }

    @Test
    void jointoken_otherAccountOrUnknownMeeting_is3001() {
        String globex = f.s2sToken(
                DemoSeed.GLOBEX_S2S_CLIENT_ID, DemoSeed.GLOBEX_S2S_CLIENT_SECRET, DemoSeed.GLOBEX_ACCOUNT_ID);

        assertAnswer(
                jointoken(ACME, globex), 404, "{\"code\":3001,\"message\":\"Meeting does not exist: " + ACME + ".\"}");
        assertAnswer(
                jointoken(11111111111L, f.acmeToken()),
                404,
                "{\"code\":3001,\"message\":\"Meeting does not exist: 11111111111.\"}");
        assertAnswer(jointoken(ACME, "forged"), 401, "{\"code\":124,\"message\":\"Invalid access token.\"}");
    }

    @Test
    void join_withValidRecordingTokenAndEmail_isAllowed_shownWithoutTheToken() {
        f.startAsHost(ACME);
        String token = recordingToken(ACME);

        HttpResponse<String> r = join("recording_token", token, "email", "notes@example.com");

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode p = participant(json(r).get("participant_id").asText());
        assertThat(p.get("user_email").asText()).isEqualTo("notes@example.com");
        assertThat(p.get("local_recording").asText()).isEqualTo("allowed");
        String page = f.http.get("/emulator/web/meetings/" + ACME).body();
        assertThat(page).contains("notes@example.com", "<span class=\"badge\">allowed</span>");
        assertThat(page).doesNotContain(token);
        assertThat(f.http.get("/emulator/meetings/" + ACME).body()).doesNotContain(token);
    }

    @Test
    void join_withExpiredRecordingToken_isRecordedInvalid_andStillJoins() {
        f.startAsHost(ACME);
        String token = recordingToken(ACME);
        f.clock.advance(Duration.ofSeconds(119));
        HttpResponse<String> inTime = join("recording_token", token);
        f.clock.advance(Duration.ofSeconds(1));

        HttpResponse<String> late = join("recording_token", token);

        assertThat(participant(json(inTime).get("participant_id").asText())
                        .get("local_recording")
                        .asText())
                .isEqualTo("allowed");
        assertThat(late.statusCode()).as(late.body()).isEqualTo(200);
        assertThat(json(late).get("status").asText()).isEqualTo("in_meeting");
        assertThat(participant(json(late).get("participant_id").asText())
                        .get("local_recording")
                        .asText())
                .isEqualTo("invalid_token");
        assertThat(f.http.get("/emulator/web/meetings/" + ACME).body()).contains("invalid token");
    }

    @Test
    void join_withTokenOfAnotherMeetingOrMadeUp_isRecordedInvalid() {
        f.startAsHost(ACME);
        String other = recordingToken(DemoSeed.ACME_WAITING_ROOM_MEETING);

        HttpResponse<String> r1 = join("recording_token", other);
        HttpResponse<String> r2 = join("recording_token", "made-up");

        assertThat(participant(json(r1).get("participant_id").asText())
                        .get("local_recording")
                        .asText())
                .isEqualTo("invalid_token");
        assertThat(participant(json(r2).get("participant_id").asText())
                        .get("local_recording")
                        .asText())
                .isEqualTo("invalid_token");
    }

    @Test
    void join_withoutTokenOrEmail_recordsNone() {
        f.startAsHost(ACME);

        JsonNode p = participant(json(join()).get("participant_id").asText());

        assertThat(p.get("user_email").isNull()).isTrue();
        assertThat(p.get("local_recording").asText()).isEqualTo("none");
    }

    @Test
    void join_refused_evenWithAValidRecordingToken() {
        f.startAsHost(ACME);

        HttpResponse<String> r = f.join(
                ACME,
                "signature",
                f.acmeSignature(ACME, 0),
                "display_name",
                "Notetaker",
                "passcode",
                "wrong",
                "recording_token",
                recordingToken(ACME));

        assertAnswer(r, 403, "{\"error_code\":3004,\"reason\":\"Meeting Passcode wrong.\"}");
    }
}
