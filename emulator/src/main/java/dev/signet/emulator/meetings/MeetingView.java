package dev.signet.emulator.meetings;

import org.jspecify.annotations.Nullable;

/** Zoom's meeting object, as {@code POST /v2/users/{userId}/meetings} and {@code GET /v2/meetings/{id}} answer. */
record MeetingView(
        String uuid,
        long id,
        String hostId,
        String hostEmail,
        String topic,
        int type,
        String status,
        @Nullable String startTime,
        int duration,
        String timezone,
        String agenda,
        String createdAt,
        String startUrl,
        String joinUrl,
        String password,
        String h323Password,
        String pstnPassword,
        String encryptedPassword,
        Settings settings,
        boolean preSchedule) {
    @Override
    public String toString() {
        return "MeetingView[id=" + id + "]";
    }

    /** The settings object (the fields the emulator honours, plus a few constant ones). */
    record Settings(
            boolean hostVideo,
            boolean participantVideo,
            boolean joinBeforeHost,
            boolean muteUponEntry,
            boolean waitingRoom,
            boolean meetingAuthentication,
            String authenticationDomains,
            int approvalType,
            String audio,
            String autoRecording) {}
}
