package dev.saasapi.platform.http.boundary;

import dev.saasapi.platform.bodies.control.RequestBodies;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What every request and response passes, API or static file: security headers (OWASP secure
 * headers for APIs), refusal of TRACE, of a query that cannot be decoded, of a declared body over
 * {@link RequestBodies#MAX_BYTES} before a byte of it is read, and of anything but a read on the
 * servlets that only serve reads (documents, health, metrics). Refusals go through {@code sendError}, so the error page answers with
 * problem+json like everything else.
 */
@WebFilter(
        urlPatterns = "/*",
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR})
public class HttpHygieneFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    /**
     * The largest body any endpoint accepts. The largest real one, a registration with a 128-character
     * password of escaped emoji, is under 2 KiB.
     */
    public static final int MAX_BODY_BYTES = 16 * 1024;

    static final String ALLOWED_METHODS = "GET, HEAD, POST, PATCH, OPTIONS";

    /** The mapping of the JAX-RS application, whose resources answer any method with their own 405. */
    private static final String RESOURCES_MAPPING = "/*";

    /** What the documents and the server's endpoints (health, metrics) serve: they are read-only. */
    private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private static final String ALLOW_READ = "GET, HEAD, OPTIONS";

    /** A {@code %} not followed by two hex digits: the query cannot be decoded. */
    private static final Pattern MALFORMED_ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2})");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        if (!isDocs(request)) {
            // JSON never needs to load anything; Swagger UI's pages do, from this server only
            response.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        }
        if (request.getDispatcherType() == DispatcherType.REQUEST) {
            int refusal = refusal(request, response);
            if (refusal != 0) {
                response.sendError(refusal);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** The status a request is refused with before anything serves it, or 0. */
    private static int refusal(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String method = request.getMethod();
        if ("TRACE".equals(method) || "TRACK".equals(method)) {
            // TRACE echoes the request, Authorization header included (cross-site tracing)
            response.setHeader("Allow", ALLOWED_METHODS);
            return HttpServletResponse.SC_METHOD_NOT_ALLOWED;
        }
        String query = request.getQueryString();
        if (query != null && MALFORMED_ESCAPE.matcher(query).find()) {
            return HttpServletResponse.SC_BAD_REQUEST; // here, once, not wherever the query is decoded
        }
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            return HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE;
        }
        if (!RESOURCES_MAPPING.equals(request.getHttpServletMapping().getPattern())) {
            // documents, health, metrics: read-only servlets, which answer a method they do not know
            // (PATCH is one) with 501 and a query they cannot decode with 500, as if they were at fault
            if (!READ_METHODS.contains(method)) {
                response.setHeader("Allow", ALLOW_READ);
                return HttpServletResponse.SC_METHOD_NOT_ALLOWED;
            }
            if (!decodesQuery(request)) {
                return HttpServletResponse.SC_BAD_REQUEST;
            }
        }
        return 0;
    }

    /**
     * Decodes the query as UTF-8 (RFC 3986), whatever charset the request claims for a body (the
     * container would use that one), so that a servlet reading a parameter cannot fail on it.
     */
    private static boolean decodesQuery(HttpServletRequest request) throws IOException {
        request.setCharacterEncoding(StandardCharsets.UTF_8.name());
        try {
            request.getParameterMap();
            return true;
        } catch (IllegalArgumentException | IllegalStateException e) {
            return false;
        }
    }

    private static boolean isDocs(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/docs") || path.startsWith("/docs/") || path.startsWith("/webjars/");
    }
}
