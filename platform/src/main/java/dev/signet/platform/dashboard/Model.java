package dev.signet.platform.dashboard;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** What the templates render: plain values, already redacted; the templates escape every string. */
public final class Model {
    private Model() {}

    /**
     * The frame of every page.
     *
     * @param csrf the session's CSRF token for the sign-out form; {@code null} when signed out
     * @param active the navigation entry to mark ({@code bots}, {@code new}, {@code webhooks})
     * @param notice a one-line message from the last action, or {@code null}
     * @param noticeTone {@code ok} or {@code bad}
     */
    public record Chrome(
            String title,
            @Nullable String csrf,
            String active,
            @Nullable String notice,
            String noticeTone) {}

    /** A moment shown absolute (UTC) and relative to now. */
    public record When(String iso, String absolute, String relative) {}

    /** A status with the colour family it is shown in ({@code idle}, {@code busy}, {@code live}, {@code ended},
     * {@code bad}). */
    public record Status(String code, @Nullable String subCode, String label, String tone) {}

    public record BotRow(
            String id,
            String name,
            Status status,
            String meetingId,
            @Nullable When joinAt,
            When updated,
            Map<String, String> metadata) {}

    public record StatusLine(Status status, @Nullable String message, When at) {}

    public record ParticipantRow(String name, @Nullable String email, boolean signedIn, boolean host) {}

    public record DeliveryRow(
            String id,
            String event,
            @Nullable String botId,
            String endpoint,
            String status,
            int attempts,
            @Nullable When nextAttempt,
            @Nullable String lastError,
            When created) {}

    public record BotDetail(
            BotRow row,
            boolean hasPasscode,
            When created,
            Map<String, String> automaticLeave,
            Map<String, String> zoom,
            List<StatusLine> timeline,
            List<ParticipantRow> participants,
            boolean canLeave,
            boolean canDelete) {}

    /** The bot list's filters as typed (shown back in the filter form). */
    public record Filter(String status, String meetingUrl, String metadata, String joinAtAfter, String joinAtBefore) {}

    public record BotsPage(
            Chrome chrome,
            Filter filter,
            List<BotRow> bots,
            @Nullable String nextUrl,
            @Nullable String previousUrl,
            String liveUrl,
            Map<String, List<String>> errors) {}

    public record BotPage(Chrome chrome, BotDetail bot, List<DeliveryRow> deliveries) {}

    /** The create form's fields as typed, without the token URLs (never shown again). */
    public record BotForm(
            String meetingUrl,
            String botName,
            String joinAt,
            String metadata,
            String waitingRoomTimeout,
            String nooneJoinedTimeout,
            String everyoneLeftTimeout) {
        public static final BotForm EMPTY = new BotForm("", "", "", "", "", "", "");
    }

    /**
     * The create form, blank or shown again after a 400.
     *
     * @param tokenUrlsCleared whether token URLs were typed and must be typed again
     */
    public record NewBotPage(Chrome chrome, BotForm form, Map<String, List<String>> errors, boolean tokenUrlsCleared) {
        public List<String> errorsOf(String field) {
            return errors.getOrDefault(field, List.of());
        }
    }

    public record WebhooksPage(Chrome chrome, List<DeliveryRow> failed, List<DeliveryRow> pending) {}

    public record SignInPage(
            Chrome chrome, String csrf, @Nullable String error) {}

    public record ErrorPage(Chrome chrome, int status, String message) {}
}
