package dev.signet.emulator.join;

import dev.signet.emulator.http.EmulatorException;
import org.jspecify.annotations.Nullable;

/** The join protocol's request: what a Meeting SDK {@code join} carries. */
record JoinRequest(
        @Nullable String sdkKey,
        @Nullable String signature,
        @Nullable String displayName,
        @Nullable String passcode,
        @Nullable Integer role,
        @Nullable String zak,
        @Nullable String obfToken,
        @Nullable String email,
        @Nullable String tk,
        @Nullable String recordingToken) {
    JoinRequest {
        if (displayName == null || displayName.isBlank()) {
            throw EmulatorException.badRequest("display_name is required");
        }
        if (displayName.length() > 100) {
            throw EmulatorException.badRequest("display_name must be at most 100 characters");
        }
        if (role != null && role != 0 && role != 1) {
            throw EmulatorException.badRequest("role must be 0 or 1");
        }
        zak = blankToNull(zak);
        obfToken = blankToNull(obfToken);
        recordingToken = blankToNull(recordingToken);
        email = blankToNull(email);
        if (email != null && email.length() > 320) {
            throw EmulatorException.badRequest("email must be at most 320 characters");
        }
    }

    int roleOrDefault() {
        return role == null ? 0 : role;
    }

    String name() {
        return displayName == null ? "" : displayName;
    }

    @Override
    public String toString() {
        return "JoinRequest[displayName=" + displayName + ", role=" + role + "]";
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
