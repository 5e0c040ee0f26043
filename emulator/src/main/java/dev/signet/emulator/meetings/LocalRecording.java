package dev.signet.emulator.meetings;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Whether a participant may record locally without asking the host: it joined with a valid local-recording join
 * token ({@code allowed}), with a token that was not valid for this meeting at that moment ({@code invalid_token};
 * the join proceeds, as at Zoom), or with none ({@code none}).
 */
public enum LocalRecording {
    ALLOWED,
    INVALID_TOKEN,
    NONE;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
