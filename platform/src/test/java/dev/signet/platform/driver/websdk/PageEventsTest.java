package dev.signet.platform.driver.websdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.platform.driver.DriverEvent;
import dev.signet.platform.driver.MeetingParticipant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PageEventsTest {
    private final PageEvents events = new PageEvents();

    private static Map<String, Object> user(String id, String name, boolean host, boolean guest) {
        return Map.of(
                "userId",
                id,
                "userName",
                name,
                "isHost",
                host,
                "email",
                guest ? "" : name + "@acme.example",
                "avatar",
                "",
                "isGuest",
                guest,
                "isSelf",
                false);
    }

    @Test
    void joinError_becomesJoinRefusedWithZoomsCode_andFinishes() {
        List<DriverEvent> out =
                events.translate(Map.of("type", "join_error", "code", 3004L, "message", "Meeting Passcode wrong."));

        assertThat(out).containsExactly(new DriverEvent.JoinRefused(3004, "Meeting Passcode wrong."));
        assertThat(events.finished()).isTrue();
        assertThat(events.translate(Map.of("type", "joined", "host", false, "selfId", "1")))
                .isEmpty();
    }

    @Test
    void initError_isARefusalToo() {
        assertThat(events.translate(Map.of("type", "init_error", "code", 4003, "message", "leaveUrl is required")))
                .containsExactly(new DriverEvent.JoinRefused(4003, "leaveUrl is required"));
    }

    @Test
    void progressEvents_answerTheJoinWithoutFinishing() {
        assertThat(events.translate(Map.of("type", "join_called"))).isEmpty();
        assertThat(events.answered()).isFalse();

        assertThat(events.translate(Map.of("type", "waiting_for_host")))
                .containsExactly(new DriverEvent.WaitingForHost());
        assertThat(events.translate(Map.of("type", "waiting_room"))).containsExactly(new DriverEvent.InWaitingRoom());
        assertThat(events.answered()).isTrue();
        assertThat(events.finished()).isFalse();
    }

    @Test
    void participantsBeforeTheJoinCallback_areHeldBackUntilInMeeting_andSelfIsMarked() {
        assertThat(events.translate(Map.of("type", "user_join", "user", user("16778240", "Notetaker", false, true))))
                .isEmpty();
        assertThat(events.translate(Map.of("type", "user_join", "user", user("16778241", "ann", true, false))))
                .isEmpty();

        List<DriverEvent> out = events.translate(Map.of("type", "joined", "host", false, "selfId", "16778240"));

        assertThat(out)
                .containsExactly(
                        new DriverEvent.InMeeting(false),
                        new DriverEvent.ParticipantJoined(
                                new MeetingParticipant("16778240", "Notetaker", null, null, false, false, true)),
                        new DriverEvent.ParticipantJoined(new MeetingParticipant(
                                "16778241", "ann", "ann@acme.example", null, true, true, false)));
    }

    @Test
    void participantLeaving_afterJoin_isReportedAtOnce() {
        events.translate(Map.of("type", "joined", "host", true, "selfId", "1"));

        assertThat(events.translate(Map.of("type", "user_leave", "user", user("2", "ann", false, true))))
                .containsExactly(new DriverEvent.ParticipantLeft(
                        new MeetingParticipant("2", "ann", null, null, false, false, false)));
    }

    @Test
    void selfLeft_reasonCodes_mapToEndedKickedAndAuthorizedUserLeft() {
        PageEvents ended = new PageEvents();
        ended.translate(Map.of("type", "joined", "host", false, "selfId", "1"));
        assertThat(ended.translate(Map.of("type", "self_left", "reasonCode", 1, "errorCode", 0)))
                .containsExactly(new DriverEvent.MeetingEnded());

        PageEvents kicked = new PageEvents();
        kicked.translate(Map.of("type", "joined", "host", false, "selfId", "1"));
        assertThat(kicked.translate(Map.of("type", "self_left", "reasonCode", 6, "errorCode", 3009)))
                .containsExactly(new DriverEvent.Removed(false));

        PageEvents fromWaitingRoom = new PageEvents();
        fromWaitingRoom.translate(Map.of("type", "waiting_room"));
        assertThat(fromWaitingRoom.translate(Map.of("type", "self_left", "reasonCode", 7, "errorCode", 3009)))
                .containsExactly(new DriverEvent.Removed(true));

        PageEvents obf = new PageEvents();
        obf.translate(Map.of("type", "joined", "host", false, "selfId", "1"));
        assertThat(obf.translate(Map.of("type", "self_left", "reasonCode", 0, "errorCode", 4019)))
                .containsExactly(new DriverEvent.AuthorizedUserLeft());
    }

    @Test
    void disconnectedStatus_inMeeting_isALostConnection_butNotBeforeTheJoinOrWhenLeaving() {
        assertThat(events.translate(Map.of("type", "meeting_status", "status", 3)))
                .isEmpty();
        events.translate(Map.of("type", "joined", "host", false, "selfId", "1"));
        assertThat(events.translate(Map.of("type", "meeting_status", "status", 4)))
                .isEmpty();

        assertThat(events.translate(Map.of("type", "meeting_status", "status", 3)))
                .singleElement()
                .isInstanceOf(DriverEvent.Disconnected.class);

        PageEvents leaving = new PageEvents();
        leaving.translate(Map.of("type", "joined", "host", false, "selfId", "1"));
        leaving.leaving();
        assertThat(leaving.translate(Map.of("type", "self_left", "reasonCode", 2, "errorCode", 0)))
                .isEmpty();
        assertThat(leaving.translate(Map.of("type", "meeting_status", "status", 3)))
                .isEmpty();
    }

    @Test
    void unknownAndMalformedEvents_areIgnored() {
        assertThat(events.translate(Map.of("type", "something_new"))).isEmpty();
        assertThat(events.translate(Map.of("type", "user_join", "user", "not a map")))
                .isEmpty();
        assertThat(events.translate(Map.of("type", "join_error", "code", "x", "message", "odd")))
                .containsExactly(new DriverEvent.JoinRefused(1, "odd"));
    }
}
