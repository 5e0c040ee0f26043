package dev.signet.emulator.oauth;

/** Zoom's answer to an {@code account_credentials} grant. */
record TokenResponse(String accessToken, String tokenType, long expiresIn, String scope, String apiUrl) {
    @Override
    public String toString() {
        return "TokenResponse[tokens=***]";
    }
}
