package dev.signet.platform.bot;

import dev.signet.platform.runtime.Participant;
import dev.signet.platform.runtime.StatusChange;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The bot object of the API (CONTRACTS.md §1), written with snake_case names.
 *
 * @param meetingUrl the parsed meeting link, as Recall shows it
 * @param zoom token URLs with query values redacted
 * @param statusChanges every status, oldest first; the last is the current one
 * @param meetingParticipants who the bot saw in its meeting (Signet extension)
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
        String createdAt) {

    record MeetingView(String meetingId, @Nullable String meetingPassword, String platform) {}

    record StatusChangeView(
            String code, @Nullable String subCode, @Nullable String message, String createdAt) {
        static StatusChangeView of(StatusChange c) {
            return new StatusChangeView(
                    c.code(), c.subCode(), c.message(), c.createdAt().toString());
        }
    }

    record ParticipantView(
            String id,
            String name,
            @Nullable String email,
            @Nullable String avatarUrl,
            boolean signedIn,
            boolean isHost) {
        static ParticipantView of(Participant p) {
            return new ParticipantView(p.id(), p.displayName(), p.email(), p.avatarUrl(), p.signedIn(), p.host());
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
                bot.createdAt().toString());
    }
}
