package dev.signet.platform.runtime;

import dev.signet.platform.driver.DriverEvent;
import dev.signet.platform.token.TokenResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** The runtime's meters: join attempts by outcome and token fetches by outcome. */
final class RuntimeMetrics {
    static final String JOINS = "signet.bot.joins";
    static final String TOKEN_FETCHES = "signet.token.fetches";

    private final MeterRegistry registry;

    RuntimeMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Counts the answer to a join attempt: admitted, waiting, or Zoom's refusal as Signet classifies it. */
    void joined(DriverEvent answer, JoinCredentials.Presented presented) {
        String outcome = switch (answer) {
            case DriverEvent.InMeeting admitted -> "in_call";
            case DriverEvent.WaitingForHost forHost -> "waiting_for_host";
            case DriverEvent.InWaitingRoom room -> "waiting_room";
            case DriverEvent.JoinRefused refused -> refusal(refused, presented);
            case DriverEvent.DriverFailed failed ->
                switch (JoinOutcomes.classify(failed.failure(), failed.reason())) {
                    case JoinOutcome.Fatal fatal -> fatal.subCode();
                    default -> "driver_failed";
                };
            case DriverEvent.Disconnected lost -> JoinOutcomes.ZOOM_CONNECTION_FAILED;
            case DriverEvent.ParticipantJoined joined -> "other";
            case DriverEvent.ParticipantLeft left -> "other";
            case DriverEvent.Removed removed -> "removed";
            case DriverEvent.AuthorizedUserLeft userLeft -> "authorized_user_left";
            case DriverEvent.MeetingEnded ended -> "meeting_ended";
        };
        join(outcome);
    }

    private static String refusal(DriverEvent.JoinRefused refused, JoinCredentials.Presented presented) {
        return switch (JoinOutcomes.classify(refused.zoomCode(), refused.reason(), presented)) {
            case JoinOutcome.Fatal f -> f.subCode();
            case JoinOutcome.WaitForHost w -> "waiting_for_host";
            case JoinOutcome.RejoinAsAttendee a -> "not_host";
            case JoinOutcome.AwaitAuthorizedUser a -> "authorized_user_absent";
            case JoinOutcome.CallEnded e -> e.subCode();
        };
    }

    void join(String outcome) {
        Counter.builder(JOINS)
                .description("Join attempts by outcome")
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }

    /** Counts one token fetch of {@code kind} ({@code zak}, {@code obf}, {@code join_token}) by outcome. */
    void token(String kind, TokenResult result) {
        String outcome = switch (result) {
            case TokenResult.Fetched f -> "fetched";
            case TokenResult.Failed failed -> failed.kind().tag();
        };
        Counter.builder(TOKEN_FETCHES)
                .description("Token URL fetches by outcome")
                .tag("kind", kind)
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }
}
