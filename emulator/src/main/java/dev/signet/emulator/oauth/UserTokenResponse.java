package dev.signet.emulator.oauth;

/** Zoom's answer to an {@code authorization_code} or {@code refresh_token} grant. */
record UserTokenResponse(
        String accessToken, String tokenType, String refreshToken, long expiresIn, String scope, String apiUrl) {
    @Override
    public String toString() {
        return "UserTokenResponse[tokens=***]";
    }
}
