package dev.saasapi.platform.problems.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.saasapi.platform.problems.control.DatabaseUnavailableException;
import dev.saasapi.platform.problems.control.InvalidFieldsException;
import dev.saasapi.platform.problems.control.MalformedBodyException;
import dev.saasapi.platform.problems.entity.Problem;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.NoContentException;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The platform's problems exactly as clients receive them: status, headers and body. */
class ProblemResponsesTest {

    @Test
    void invalidFieldsListEveryFieldSortedByName() {
        assertEquals(
                """
                422
                application/problem+json
                {"detail":"The request has 2 invalid fields.","errors":[{"field":"email","message":"is not an email address"},{"field":"password","message":"is too short"}],"instance":"/auth/register","status":422,"title":"Invalid request","type":"/problems/validation"}""",
                RenderedProblem.of(
                        new InvalidFieldsException(List.of(
                                new Problem.FieldError("password", "is too short"),
                                new Problem.FieldError("email", "is not an email address"))),
                        "auth/register"));
        assertEquals(
                """
                422
                application/problem+json
                {"detail":"The request has 1 invalid field.","errors":[{"field":"scope","message":"must be all, or left out"}],"instance":"/auth/logout","status":422,"title":"Invalid request","type":"/problems/validation"}""",
                RenderedProblem.of(
                        new InvalidFieldsException(
                                List.of(new Problem.FieldError("scope", "must be all, or left out"))),
                        "auth/logout"));
    }

    @Test
    void malformedBodyNamesTheOffendingMembersWhenThereAreAny() {
        assertEquals(
                """
                400
                application/problem+json
                {"detail":"The body is not valid UTF-8 text.","instance":"/users/me","status":400,"title":"Malformed request body","type":"/problems/malformed-body"}""", RenderedProblem.of(new MalformedBodyException("The body is not valid UTF-8 text."), "users/me"));
        assertEquals(
                """
                400
                application/problem+json
                {"detail":"The body has members this endpoint does not accept; it accepts: email, password.","errors":[{"field":"admin","message":"is not a known field"}],"instance":"/auth/register","status":400,"title":"Malformed request body","type":"/problems/malformed-body"}""",
                RenderedProblem.of(
                        new MalformedBodyException(
                                "The body has members this endpoint does not accept; it accepts: email, password.",
                                List.of(new Problem.FieldError("admin", "is not a known field"))),
                        "auth/register"));
    }

    @Test
    void aMissingBodyIsMalformed() {
        assertEquals(
                """
                400
                application/problem+json
                {"detail":"A JSON object is required as the request body.","instance":"/auth/register","status":400,"title":"Malformed request body","type":"/problems/malformed-body"}""",
                RenderedProblem.of(new WebApplicationException(new NoContentException("empty"), 400), "auth/register"));
        assertEquals(
                """
                400
                application/problem+json
                {"detail":"A JSON object is required as the request body.","instance":"/auth/register","status":400,"title":"Malformed request body","type":"/problems/malformed-body"}""", RenderedProblem.of(thrownBy(() -> MalformedBodyException.requireBody(null)), "auth/register"));
    }

    @Test
    void unreadableJsonIsMalformedWithoutTheParsersMessage() {
        assertEquals(
                """
                400
                application/problem+json
                {"detail":"The body is not valid JSON of the expected shape (check syntax and value types).","instance":"/auth/register","status":400,"title":"Malformed request body","type":"/problems/malformed-body"}""",
                RenderedProblem.of(
                        new ProcessingException(new JsonbException("Unexpected char 39 at (line no=1)")),
                        "auth/register"));
    }

    @Test
    void httpErrorsOfJaxRsAreGenericProblems() {
        assertEquals("""
                404
                application/problem+json
                {"detail":"There is nothing at this path.","instance":"/no/such/path","status":404,"title":"Not Found","type":"about:blank"}""", RenderedProblem.of(new NotFoundException(), "no/such/path"));
        assertEquals(
                """
                405
                Allow: OPTIONS,POST
                application/problem+json
                {"detail":"This path does not support that method; see the Allow header.","instance":"/auth/register","status":405,"title":"Method Not Allowed","type":"about:blank"}""", RenderedProblem.of(new NotAllowedException("POST", new String[] {"OPTIONS"}), "auth/register"));
        assertEquals("""
                401
                WWW-Authenticate: Bearer
                application/problem+json
                {"detail":"A valid bearer access token is required.","instance":"/users/me","status":401,"title":"Unauthorized","type":"about:blank"}""", RenderedProblem.of(new NotAuthorizedException("Bearer"), "users/me"));
    }

    @Test
    void anUnreachableDatabaseIsA503WithRetryAfter() {
        assertEquals("""
                503
                Retry-After: 5
                application/problem+json
                {"detail":"The database cannot be reached right now; nothing was changed. Retry after 5 seconds.","instance":"/users/me","status":503,"title":"Database unavailable","type":"/problems/database-unavailable"}""", RenderedProblem.of(new DatabaseUnavailableException(), "users/me"));
        assertEquals(
                """
                503
                Retry-After: 5
                application/problem+json
                {"detail":"The database cannot be reached right now; nothing was changed. Retry after 5 seconds.","instance":"/users/me","status":503,"title":"Database unavailable","type":"/problems/database-unavailable"}""",
                RenderedProblem.of(
                        new PersistenceException(new SQLException("Connection refused", "08001")), "users/me"));
    }

    @Test
    void aTransactionPostgresRolledBackIsAConcurrentUpdate() {
        assertEquals(
                """
                409
                application/problem+json
                {"detail":"Another request changed the same data at the same moment; nothing was changed. Retry the request.","instance":"/users/me/password","status":409,"title":"Concurrent update","type":"/problems/concurrent-update"}""",
                RenderedProblem.of(
                        new PersistenceException(new SQLException("deadlock detected", "40P01")), "users/me/password"));
    }

    static Throwable thrownBy(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("nothing thrown");
    }
}
