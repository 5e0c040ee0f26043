package dev.signet.emulator.meetings;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A partial change of a meeting (Zoom's PATCH): null fields stay as they are. */
public record MeetingUpdate(
        @Nullable String topic,
        @Nullable Integer type,
        @Nullable Instant startTime,
        @Nullable Integer duration,
        @Nullable String timezone,
        @Nullable String agenda,
        @Nullable String password,
        @Nullable Boolean meetingAuthentication,
        @Nullable List<String> authenticationDomains,
        @Nullable Boolean waitingRoom,
        @Nullable Boolean joinBeforeHost) {
    public MeetingUpdate {
        if (password != null && password.length() > 10) {
            throw new IllegalArgumentException("password must be at most 10 characters");
        }
    }

    MeetingSchedule applyTo(MeetingSchedule s) {
        return new MeetingSchedule(
                topic != null ? topic : s.topic(),
                type != null ? type : s.type(),
                startTime != null ? startTime : s.startTime(),
                duration != null ? duration : s.duration(),
                timezone != null ? timezone : s.timezone(),
                agenda != null ? agenda : s.agenda());
    }

    MeetingSettings applyTo(MeetingSettings s) {
        return new MeetingSettings(
                meetingAuthentication != null ? meetingAuthentication : s.meetingAuthentication(),
                authenticationDomains != null ? authenticationDomains : s.authenticationDomains(),
                waitingRoom != null ? waitingRoom : s.waitingRoom(),
                joinBeforeHost != null ? joinBeforeHost : s.joinBeforeHost());
    }
}
