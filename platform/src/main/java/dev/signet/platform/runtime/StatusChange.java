package dev.signet.platform.runtime;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a bot's {@code status_changes}: a Recall status code, its optional sub-code and human message.
 *
 * @param code the status ({@code joining_call}, {@code in_waiting_room}, …, {@code done}, {@code fatal})
 * @param subCode the precise cause, e.g. {@code meeting_requires_sign_in}; {@code null} when there is none
 * @param message a human explanation; never contains a token or a URL query
 * @param createdAt when the bot entered the status
 */
public record StatusChange(
        String code, @Nullable String subCode, @Nullable String message, Instant createdAt) {
    public StatusChange {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(createdAt, "createdAt");
        if (code.isBlank()) {
            throw new IllegalArgumentException("status code must not be blank");
        }
    }
}
