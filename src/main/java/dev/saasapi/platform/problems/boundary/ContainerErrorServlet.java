package dev.saasapi.platform.problems.boundary;

import dev.saasapi.platform.http.boundary.JsonbResolver;
import dev.saasapi.platform.http.control.RequestIds;
import dev.saasapi.platform.problems.entity.OAuthError;
import dev.saasapi.platform.problems.entity.Problem;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The error page (see web.xml) for errors raised outside JAX-RS: a rejected bearer token (the
 * MicroProfile JWT mechanism answers before any resource runs), a missing static file, an oversized
 * request. It answers with the same problem+json the API uses instead of the server's HTML page.
 */
@WebServlet(ContainerErrorServlet.PATH)
public class ContainerErrorServlet extends HttpServlet {

    static final String PATH = "/_error";
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        // error dispatches keep the original method, so every method ends up here
        Object code = req.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : HttpServletResponse.SC_NOT_FOUND;
        Object uri = req.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String instance = uri instanceof String s ? s : req.getRequestURI();
        Problem problem = Problems.generic(status, instance);
        if (status == HttpServletResponse.SC_UNAUTHORIZED && req.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            problem = new Problem(
                    problem.type(), problem.title(), status, "The access token is invalid or has expired.", instance);
            resp.setHeader(HttpHeaders.WWW_AUTHENTICATE, OAuthError.INVALID_TOKEN.challenge());
        } else if (status == HttpServletResponse.SC_UNAUTHORIZED) {
            resp.setHeader(HttpHeaders.WWW_AUTHENTICATE, OAuthError.BEARER_CHALLENGE);
        }
        resp.setStatus(status);
        resp.setContentType(Problem.MEDIA_TYPE);
        resp.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resp.getWriter().write(JsonbResolver.JSONB.toJson(problem.withRequestId(RequestIds.current())));
    }
}
