package dev.saasapi.platform.http.boundary;

import dev.saasapi.platform.config.control.InvalidConfigurationException;
import dev.saasapi.platform.config.control.StartupFailure;
import dev.saasapi.platform.http.control.CorsOrigins;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;

/**
 * Cross-origin access for the browser apps in {@code CORS_ORIGINS}, and for nobody else: a request
 * from another origin gets no CORS headers, so the browser keeps the response from the page. The
 * allowed origin is named, never echoed from an unchecked header. Tokens travel in the Authorization
 * header, not cookies, so credentials mode is not needed.
 */
@WebFilter("/*")
public class CorsFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final String ORIGIN = "Origin";

    @Inject
    CorsOrigins corsOrigins;

    private Set<String> origins = Set.of();

    @Override
    public void init() {
        try {
            origins = corsOrigins.allowed();
        } catch (InvalidConfigurationException e) {
            StartupFailure.report(e);
            throw e;
        }
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (origins.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        response.addHeader("Vary", ORIGIN);
        String origin = request.getHeader(ORIGIN);
        if (origin == null || !origins.contains(origin)) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("Access-Control-Allow-Origin", origin);
        if ("OPTIONS".equals(request.getMethod()) && request.getHeader("Access-Control-Request-Method") != null) {
            response.setHeader("Access-Control-Allow-Methods", "GET, POST, PATCH, DELETE");
            response.setHeader("Access-Control-Allow-Headers", "Authorization, Content-Type");
            response.setHeader("Access-Control-Max-Age", "600");
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        response.setHeader("Access-Control-Expose-Headers", "Location, Retry-After, WWW-Authenticate");
        chain.doFilter(request, response);
    }
}
