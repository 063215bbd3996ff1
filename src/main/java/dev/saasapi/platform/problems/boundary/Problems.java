package dev.saasapi.platform.problems.boundary;

import dev.saasapi.platform.http.control.RequestIds;
import dev.saasapi.platform.problems.control.ProblemException;
import dev.saasapi.platform.problems.entity.Problem;
import jakarta.ws.rs.core.Response;

/** Builds the problem responses, so that every mapper and the error page answer alike. */
final class Problems {

    static final String BEARER_CHALLENGE = "Bearer";

    private Problems() {}

    /** A plain HTTP error ({@code type: about:blank}) with a fixed, client-safe detail per status. */
    static Problem generic(int status, String instance) {
        Response.StatusType known = Response.Status.fromStatusCode(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        return new Problem(Problem.ABOUT_BLANK, title, status, detail(status), instance);
    }

    static Problem of(ProblemException e, String instance) {
        return new Problem(
                e.type(),
                e.title(),
                e.getResponse().getStatus(),
                e.detail(),
                instance,
                e.errors(),
                e.oauthError(),
                e.oauthError() == null ? null : e.detail());
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
