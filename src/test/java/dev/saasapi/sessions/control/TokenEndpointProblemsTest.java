package dev.saasapi.sessions.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.saasapi.platform.problems.boundary.RenderedProblem;
import dev.saasapi.platform.problems.control.InvalidFieldsException;
import dev.saasapi.platform.problems.control.MalformedBodyException;
import dev.saasapi.platform.problems.entity.OAuthError;
import dev.saasapi.platform.problems.entity.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sessions' problems exactly as clients receive them: OAuth2 members on the token endpoints' only. */
class TokenEndpointProblemsTest {

    @Test
    void invalidCredentials() {
        assertEquals("""
                401
                WWW-Authenticate: Bearer
                application/problem+json
                {"detail":"Incorrect email or password.","error":"invalid_grant","error_description":"Incorrect email or password.","instance":"/auth/login","status":401,"title":"Invalid credentials","type":"/problems/invalid-credentials"}""", RenderedProblem.of(new InvalidCredentialsException(), "auth/login"));
    }

    @Test
    void invalidRefreshToken() {
        assertEquals("""
                401
                WWW-Authenticate: Bearer
                application/problem+json
                {"detail":"The refresh token is invalid, expired or revoked; log in again.","error":"invalid_grant","error_description":"The refresh token is invalid, expired or revoked; log in again.","instance":"/auth/refresh","status":401,"title":"Invalid refresh token","type":"/problems/invalid-refresh-token"}""", RenderedProblem.of(new InvalidRefreshTokenException(), "auth/refresh"));
    }

    @Test
    void unsupportedGrantType() {
        assertEquals(
                """
                400
                application/problem+json
                {"detail":"This endpoint takes grant_type=password or grant_type=refresh_token only.","error":"unsupported_grant_type","error_description":"This endpoint takes grant_type=password or grant_type=refresh_token only.","instance":"/auth/login","status":400,"title":"Unsupported grant type","type":"/problems/unsupported-grant-type"}""",
                RenderedProblem.of(
                        new UnsupportedGrantTypeException("grant_type=password or grant_type=refresh_token"),
                        "auth/login"));
    }

    @Test
    void invalidFieldsOfATokenRequestAreAnInvalidRequest() {
        assertEquals(
                """
                422
                application/problem+json
                {"detail":"The request has 2 invalid fields.","error":"invalid_request","error_description":"The request has 2 invalid fields.","errors":[{"field":"password","message":"must not be null"},{"field":"username","message":"must not be blank"}],"instance":"/auth/login","status":422,"title":"Invalid request","type":"/problems/validation"}""",
                RenderedProblem.of(
                        new InvalidFieldsException(
                                List.of(
                                        new Problem.FieldError("username", "must not be blank"),
                                        new Problem.FieldError("password", "must not be null")),
                                OAuthError.INVALID_REQUEST),
                        "auth/login"));
    }

    @Test
    void aMalformedTokenRequestIsAnInvalidRequest() {
        assertEquals(
                """
                400
                application/problem+json
                {"detail":"The form has a malformed percent-escape.","error":"invalid_request","error_description":"The form has a malformed percent-escape.","instance":"/auth/login","status":400,"title":"Malformed request body","type":"/problems/malformed-body"}""",
                RenderedProblem.of(
                        new MalformedBodyException(
                                "The form has a malformed percent-escape.", OAuthError.INVALID_REQUEST),
                        "auth/login"));
    }

    @Test
    void unknownSession() {
        assertEquals("""
                404
                application/problem+json
                {"detail":"You have no active session with this id.","instance":"/users/me/sessions/x","status":404,"title":"Unknown session","type":"/problems/unknown-session"}""", RenderedProblem.of(new UnknownSessionException(), "users/me/sessions/x"));
    }
}
