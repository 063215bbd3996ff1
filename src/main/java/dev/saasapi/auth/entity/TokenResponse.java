package dev.saasapi.auth.entity;

import jakarta.json.bind.annotation.JsonbProperty;

/** The OAuth2 token response (RFC 6749, section 5.1). */
public record TokenResponse(
        @JsonbProperty("access_token") String accessToken,
        @JsonbProperty("token_type") String tokenType,
        @JsonbProperty("expires_in") long expiresIn) {

    public static TokenResponse bearer(String accessToken, long expiresIn) {
        return new TokenResponse(accessToken, "bearer", expiresIn);
    }
}
