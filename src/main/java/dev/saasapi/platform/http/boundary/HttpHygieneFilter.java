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

/**
 * What every request and response passes, API or static file: security headers (OWASP secure
 * headers for APIs), refusal of TRACE, and of a declared body over {@link RequestBodies#MAX_BYTES}
 * before a byte of it is read. Refusals go through {@code sendError}, so the error page answers with
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
            if ("TRACE".equals(request.getMethod()) || "TRACK".equals(request.getMethod())) {
                // TRACE echoes the request, Authorization header included (cross-site tracing)
                response.setHeader("Allow", ALLOWED_METHODS);
                response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
                return;
            }
            if (request.getContentLengthLong() > MAX_BODY_BYTES) {
                response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean isDocs(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/docs") || path.startsWith("/docs/") || path.startsWith("/webjars/");
    }
}
