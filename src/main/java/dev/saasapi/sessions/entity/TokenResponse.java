package dev.saasapi.sessions.entity;

import jakarta.json.bind.annotation.JsonbProperty;

/**
 * The OAuth2 token response (RFC 6749, section 5.1): a short-lived access token, and the refresh token
 * that renews it once.
 */
public record TokenResponse(
        @JsonbProperty("access_token") String accessToken,
        @JsonbProperty("token_type") String tokenType,
        @JsonbProperty("expires_in") long expiresIn,
        @JsonbProperty("refresh_token") String refreshToken) {

    public static TokenResponse bearer(String accessToken, long expiresIn, String refreshToken) {
        return new TokenResponse(accessToken, "bearer", expiresIn, refreshToken);
    }

    @Override
    public String toString() {
        return "TokenResponse[expiresIn=" + expiresIn + "]";
    }
}
