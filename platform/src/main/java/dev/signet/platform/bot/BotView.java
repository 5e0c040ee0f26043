package dev.signet.platform.bot;

import dev.signet.platform.runtime.Participant;
import dev.signet.platform.runtime.StatusChange;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The bot object of the API (CONTRACTS.md §1), written with snake_case names: every top-level field of
 * Recall's bot object, so that a Recall client finds each one. Signet records no media and reads no meeting
 * metadata, so the fields about those are always empty: {@code recordings} and {@code calendar_meetings} are
 * {@code []}; {@code video_url}, {@code recording}, {@code media_retention_end}, {@code meeting_metadata},
 * {@code recording_config}, {@code recording_mode}, {@code transcription_options} and {@code output_media}
 * are {@code null}. The platform README lists them.
 *
 * @param meetingUrl the parsed meeting link, as Recall shows it
 * @param zoom token URLs with query values redacted
 * @param statusChanges every status, oldest first; the last is the current one
 * @param meetingParticipants who the bot saw in its meeting
 */
record BotView(
        String id,
        String botName,
        @Nullable String joinAt,
        MeetingView meetingUrl,
        Map<String, String> metadata,
        Map<String, Object> automaticLeave,
        ZoomSettings zoom,
        List<StatusChangeView> statusChanges,
        List<ParticipantView> meetingParticipants,
        @Nullable Object meetingMetadata,
        List<Object> recordings,
        @Nullable String recording,
        @Nullable String videoUrl,
        @Nullable String mediaRetentionEnd,
        @Nullable Object recordingConfig,
        @Nullable String recordingMode,
        @Nullable Object transcriptionOptions,
        @Nullable Object outputMedia,
        List<Object> calendarMeetings,
        String createdAt) {

    record MeetingView(String meetingId, @Nullable String meetingPassword, String platform) {}

    record StatusChangeView(
            String code, @Nullable String subCode, @Nullable String message, String createdAt) {
        static StatusChangeView of(StatusChange c) {
            return new StatusChangeView(
                    c.code(), c.subCode(), c.message(), c.createdAt().toString());
        }
    }

    /**
     * A participant in Recall's shape plus Signet's identity fields. Signet keeps no per-participant event log
     * and does not know the participant's client, so {@code events} is always {@code []}, {@code platform}
     * is Recall's {@code "unknown"} and {@code extra_data} is {@code null}.
     */
    record ParticipantView(
            String id,
            String name,
            @Nullable String email,
            @Nullable String avatarUrl,
            boolean signedIn,
            boolean isHost,
            String platform,
            List<Object> events,
            @Nullable Object extraData) {
        static ParticipantView of(Participant p) {
            return new ParticipantView(
                    p.id(),
                    p.displayName(),
                    p.email(),
                    p.avatarUrl(),
                    p.signedIn(),
                    p.host(),
                    "unknown",
                    List.of(),
                    null);
        }
    }

    static BotView of(Bot bot, List<StatusChange> changes, List<Participant> participants) {
        return new BotView(
                bot.id().toString(),
                bot.botName(),
                bot.joinAt() == null ? null : bot.joinAt().toString(),
                new MeetingView(bot.meetingId(), bot.meetingPassword(), "zoom"),
                bot.metadata(),
                AutomaticLeaveJson.toJson(bot.automaticLeave()),
                bot.zoom(),
                changes.stream().map(StatusChangeView::of).toList(),
                participants.stream().map(ParticipantView::of).toList(),
                null,
                List.of(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                bot.createdAt().toString());
    }
}
