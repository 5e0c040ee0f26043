package dev.signet.emulator.users;

/** Zoom's {@code GET /v2/users/{userId}/token} answer. */
record UserTokenView(String token) {
    @Override
    public String toString() {
        return "UserTokenView[token=***]";
    }
}
