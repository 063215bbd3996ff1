package dev.saasapi.accounts.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.saasapi.platform.problems.boundary.RenderedProblem;
import org.junit.jupiter.api.Test;

/** The account's problems exactly as clients receive them: status, headers and body. */
class AccountProblemsTest {

    @Test
    void emailTaken() {
        assertEquals("""
                409
                application/problem+json
                {"detail":"An account with this email address already exists.","instance":"/auth/register","status":409,"title":"Email already registered","type":"/problems/email-taken"}""", RenderedProblem.of(new EmailTakenException(), "auth/register"));
    }

    @Test
    void wrongPassword() {
        assertEquals("""
                403
                application/problem+json
                {"detail":"The current password is not correct; nothing was changed.","instance":"/users/me","status":403,"title":"Wrong password","type":"/problems/wrong-password"}""", RenderedProblem.of(new WrongPasswordException(), "users/me"));
    }

    @Test
    void passwordRequiredSaysHowRecentTheLoginMustBe() {
        assertEquals("""
                403
                application/problem+json
                {"detail":"Send current_password to make this change.","instance":"/users/me","status":403,"title":"Password required","type":"/problems/password-required"}""", RenderedProblem.of(new PasswordRequiredException(0), "users/me"));
        assertEquals("""
                403
                application/problem+json
                {"detail":"Send current_password to make this change: the last login was more than 1 minute ago.","instance":"/users/me","status":403,"title":"Password required","type":"/problems/password-required"}""", RenderedProblem.of(new PasswordRequiredException(1), "users/me"));
        assertEquals("""
                403
                application/problem+json
                {"detail":"Send current_password to make this change: the last login was more than 15 minutes ago.","instance":"/users/me","status":403,"title":"Password required","type":"/problems/password-required"}""", RenderedProblem.of(new PasswordRequiredException(15), "users/me"));
    }

    @Test
    void unknownAccountChallengesWithInvalidToken() {
        assertEquals("""
                401
                WWW-Authenticate: Bearer error="invalid_token"
                application/problem+json
                {"detail":"The access token was revoked, or its account no longer exists.","instance":"/users/me","status":401,"title":"Invalid token","type":"/problems/invalid-token"}""", RenderedProblem.of(new UnknownAccountException(), "users/me"));
    }

    @Test
    void busyHashingIsA503WithRetryAfterAndNoOAuthMembersOutsideTheTokenEndpoint() {
        assertEquals("""
                503
                Retry-After: 1
                application/problem+json
                {"detail":"The server is checking too many passwords right now; retry after 1 second.","instance":"/auth/register","status":503,"title":"Too many sign-ins at once","type":"/problems/busy"}""", RenderedProblem.of(new PasswordHashingBusyException(), "auth/register"));
    }

    @Test
    void busyHashingAtTheTokenEndpointIsTemporarilyUnavailable() {
        assertEquals("""
                503
                Retry-After: 1
                application/problem+json
                {"detail":"The server is checking too many passwords right now; retry after 1 second.","error":"temporarily_unavailable","error_description":"The server is checking too many passwords right now; retry after 1 second.","instance":"/auth/login","status":503,"title":"Too many sign-ins at once","type":"/problems/busy"}""", RenderedProblem.of(PasswordHashingBusyException.atTokenEndpoint(), "auth/login"));
    }

    @Test
    void anAccountChangedMeanwhileIsAConcurrentUpdate() {
        assertEquals("""
                409
                application/problem+json
                {"detail":"The account was changed by another request at the same time; read it again and retry.","instance":"/users/me","status":409,"title":"Concurrent update","type":"/problems/concurrent-update"}""", RenderedProblem.of(UserStore.changedMeanwhile(), "users/me"));
    }
}
