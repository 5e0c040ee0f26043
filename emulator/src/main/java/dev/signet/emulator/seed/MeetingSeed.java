package dev.signet.emulator.seed;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A seeded meeting; {@code host} is a user id or email of the same account. */
public record MeetingSeed(
        long id,
        String host,
        String topic,
        @Nullable String password,
        @Nullable Settings settings,
        @Nullable Integer capacity) {
    public MeetingSeed {
        Objects.requireNonNull(host, "meeting host is required");
        topic = topic == null ? "Meeting " + id : topic;
    }

    /** The seeded meeting settings; absent ones take Zoom's defaults. */
    public record Settings(
            @Nullable Boolean meetingAuthentication,
            @Nullable List<String> authenticationDomains,
            @Nullable Boolean waitingRoom,
            @Nullable Boolean joinBeforeHost) {}
}
