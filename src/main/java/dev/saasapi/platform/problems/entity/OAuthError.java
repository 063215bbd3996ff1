package dev.saasapi.platform.problems.entity;

import java.util.Locale;

/**
 * The OAuth 2.0 error codes the API answers with. A token endpoint's problem carries its code in the
 * body's {@code error} member, which OAuth2 clients read (RFC 6749, section 5.2); a protected
 * resource names a rejected access token's code in the {@code WWW-Authenticate} challenge instead
 * (RFC 6750, section 3.1).
 */
public enum OAuthError {
    INVALID_REQUEST,
    INVALID_GRANT,
    UNSUPPORTED_GRANT_TYPE,
    TEMPORARILY_UNAVAILABLE,
    /** An access token that is revoked, or whose account is gone: named in the challenge, not the body. */
    INVALID_TOKEN;

    /** The challenge of a 401 that names no error: authenticate with a bearer token. */
    public static final String BEARER_CHALLENGE = "Bearer";

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the code goes into the {@code WWW-Authenticate} challenge rather than the problem's body. */
    public boolean inChallenge() {
        return this == INVALID_TOKEN;
    }

    /** The {@code WWW-Authenticate} challenge that names this code. */
    public String challenge() {
        return BEARER_CHALLENGE + " error=\"" + code() + "\"";
    }
}
