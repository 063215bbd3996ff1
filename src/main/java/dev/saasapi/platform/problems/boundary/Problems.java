package dev.saasapi.platform.problems.boundary;

import dev.saasapi.platform.http.control.RequestIds;
import dev.saasapi.platform.problems.control.MalformedBodyException;
import dev.saasapi.platform.problems.control.ProblemException;
import dev.saasapi.platform.problems.entity.OAuthError;
import dev.saasapi.platform.problems.entity.Problem;
import dev.saasapi.platform.problems.entity.ProblemType;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NoContentException;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Builds the problem responses, so that every mapper and the error page answer alike. */
final class Problems {

    /** The headers of an exception's own response that its problem response keeps. */
    private static final List<String> KEPT_HEADERS =
            List.of(HttpHeaders.ALLOW, HttpHeaders.RETRY_AFTER, "RateLimit-Policy", "RateLimit");

    private Problems() {}

    /**
     * The one way an exception becomes a response: the API's own failures ({@link ProblemException})
     * as their type says, the HTTP errors JAX-RS raises (404, 405, 415, 401 without a token, ...) as
     * plain problems. Keeps the {@code Allow} header of a 405 and the {@code Retry-After} of a 503, and
     * challenges every 401.
     */
    static Response response(WebApplicationException e, String instance) {
        Problem problem;
        OAuthError oauthError = null;
        if (e instanceof ProblemException known) {
            problem = of(known, instance);
            oauthError = known.oauthError();
        } else if (e.getCause() instanceof NoContentException) {
            problem = of(MalformedBodyException.noObject(), instance);
        } else {
            problem = generic(e.getResponse().getStatus(), instance);
        }
        Response.ResponseBuilder response = response(problem);
        if (problem.status() == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, challenge(oauthError));
        }
        for (String header : KEPT_HEADERS) {
            String value = e.getResponse().getHeaderString(header);
            if (value != null) {
                response.header(header, value);
            }
        }
        return response.build();
    }

    /** The {@code WWW-Authenticate} of a 401: the bearer scheme, with the error code if it belongs there. */
    static String challenge(OAuthError oauthError) {
        return oauthError != null && oauthError.inChallenge() ? oauthError.challenge() : OAuthError.BEARER_CHALLENGE;
    }

    /** A plain HTTP error ({@code type: about:blank}) with a fixed, client-safe detail per status. */
    static Problem generic(int status, String instance) {
        Response.StatusType known = Response.Status.fromStatusCode(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        return new Problem(Problem.ABOUT_BLANK, title, status, detail(status), instance);
    }

    static Problem of(ProblemException e, String instance) {
        ProblemType type = e.type();
        OAuthError oauthError = e.oauthError();
        boolean oauthMembers = oauthError != null && !oauthError.inChallenge();
        return new Problem(
                type.uri(),
                type.title(),
                type.status(),
                e.detail(),
                instance,
                e.errors(),
                oauthMembers ? oauthError.code() : null,
                oauthMembers ? e.detail() : null,
                null); // the request id is added on the way out
    }

    static Response.ResponseBuilder response(Problem problem) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem.withRequestId(RequestIds.current()));
    }

    static String detail(int status) {
        return switch (status) {
            case 400 -> "The request could not be understood.";
            case 401 -> "A valid bearer access token is required.";
            case 403 -> "You are not allowed to do this.";
            case 404 -> "There is nothing at this path.";
            case 405 -> "This path does not support that method; see the Allow header.";
            case 406 -> "The response cannot be produced in any media type the Accept header allows.";
            case 413 -> "The request body is larger than the 16 KiB this API accepts.";
            case 415 -> "The request body has a media type this endpoint does not accept.";
            case 431 -> "The request headers are too large.";
            case 503 -> "The service is temporarily unavailable; try again later.";
            default -> status >= 500 ? "An unexpected error occurred." : "The request was not accepted.";
        };
    }
}
