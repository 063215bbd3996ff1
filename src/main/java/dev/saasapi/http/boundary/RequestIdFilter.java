package dev.saasapi.http.boundary;

import dev.saasapi.http.control.InFlightRequests;
import dev.saasapi.http.control.RequestIds;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Gives every request its id ({@link RequestIds}) and returns it in {@code X-Request-Id}, and counts
 * the requests in flight for a graceful shutdown. Error
 * dispatches keep the id of their request; a request refused before any filter ran (a bad token)
 * gets its id here, on the error dispatch.
 */
@WebFilter(
        urlPatterns = "/*",
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR})
public class RequestIdFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String id = request.getAttribute(RequestIds.ATTRIBUTE) instanceof String known
                ? known
                : RequestIds.accept(request.getHeader(RequestIds.HEADER));
        request.setAttribute(RequestIds.ATTRIBUTE, id);
        response.setHeader(RequestIds.HEADER, id);
        String outer = RequestIds.current();
        RequestIds.set(id);
        boolean counted = request.getDispatcherType() == DispatcherType.REQUEST;
        if (counted) {
            InFlightRequests.started();
        }
        try {
            chain.doFilter(request, response);
        } finally {
            if (counted) {
                InFlightRequests.finished();
            }
            if (outer == null) {
                RequestIds.clear();
            } else {
                RequestIds.set(outer);
            }
        }
    }
}
