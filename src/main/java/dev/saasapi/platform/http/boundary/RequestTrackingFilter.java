package dev.saasapi.platform.http.boundary;

import dev.saasapi.platform.http.control.InFlightRequests;
import dev.saasapi.platform.http.control.RequestIds;
import dev.saasapi.platform.http.control.RequestLog;
import dev.saasapi.platform.http.control.RequestMetrics;
import dev.saasapi.platform.http.control.RouteTemplates;
import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.Set;

/**
 * Follows every request from start to end: gives it its id ({@link RequestIds}) and returns it in
 * {@code X-Request-Id}, counts it in flight for a graceful shutdown, and when it is done records
 * its duration by route and status class ({@link RequestMetrics}) and writes its one log line
 * ({@link RequestLog}). Error dispatches keep the id of their request; a request refused before any
 * filter ran (a bad token) gets its id here, on the error dispatch.
 */
@WebFilter(
        urlPatterns = "/*",
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR})
public class RequestTrackingFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final String TRACKED = RequestTrackingFilter.class.getName();
    private static final Set<String> KNOWN_METHODS =
            Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE");

    @Inject
    RequestMetrics metrics;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getAttribute(TRACKED) != null) { // the error page of a request followed already
            String outer = RequestIds.current();
            RequestIds.assign(request);
            try {
                chain.doFilter(request, response);
            } finally {
                RequestIds.set(outer);
            }
            return;
        }
        // A request refused by the security layer (a bad token) reaches filters only as its error
        // dispatch: it is followed from there, its time spent before that unmeasured.
        request.setAttribute(TRACKED, Boolean.TRUE);
        response.setHeader(RequestIds.HEADER, RequestIds.assign(request));
        long start = System.nanoTime();
        InFlightRequests.started();
        boolean failed = true;
        try {
            chain.doFilter(request, response);
            failed = false;
        } finally {
            InFlightRequests.finished();
            long nanos = System.nanoTime() - start;
            int status = failed && !response.isCommitted() ? 500 : response.getStatus();
            String method = method(request);
            String route = route(request);
            metrics.record(method, route, status, nanos);
            Principal user = request.getUserPrincipal();
            RequestLog.finished(method, route, status, nanos, user == null ? null : user.getName());
            RequestIds.clear(); // the thread serves other requests next
        }
    }

    /** The request's method, or "other" for made-up ones: clients cannot create new metric labels. */
    private static String method(HttpServletRequest request) {
        String method = request.getMethod();
        return KNOWN_METHODS.contains(method) ? method : "other";
    }

    /**
     * The JAX-RS route, or the pattern of the servlet that served it (/docs/*, /health/*,
     * /metrics/*). An error dispatch names the error page; the request's own path is in an attribute.
     */
    private static String route(HttpServletRequest request) {
        boolean error = request.getDispatcherType() == DispatcherType.ERROR;
        String uri =
                error ? (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) : request.getRequestURI();
        String route = uri == null
                ? RouteTemplates.UNMATCHED
                : RouteTemplates.of(uri.substring(request.getContextPath().length()));
        if (error || !RouteTemplates.UNMATCHED.equals(route)) {
            return route;
        }
        HttpServletMapping mapping = request.getHttpServletMapping();
        String pattern = mapping == null ? null : mapping.getPattern();
        return pattern == null || pattern.isEmpty() || pattern.equals("/") || pattern.equals("/*") ? route : pattern;
    }
}
