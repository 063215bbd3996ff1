package dev.saasapi.platform.http.control;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id of the request being served: the client's (or proxy's) {@code X-Request-Id} when it is a
 * plausible id, a new UUID otherwise. It is returned in the header, put into every problem body and
 * into the log lines of the request, so one id ties a client's report to the server's log.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    /** The request attribute that carries the id through forwards and error dispatches. */
    public static final String ATTRIBUTE = RequestIds.class.getName();

    // letters, digits and the punctuation of UUIDs, trace ids and proxy ids; nothing that could
    // break a log line or a header
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:@/+=-]{1,128}");
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private RequestIds() {}

    /** The client's id if acceptable, else a new one. */
    public static String accept(String header) {
        return header != null && ACCEPTED.matcher(header).matches()
                ? header
                : UUID.randomUUID().toString();
    }

    /**
     * The id of {@code request}, decided once: the first to ask (the security layer, which runs
     * before any filter, or the request filter) makes it the thread's current id too.
     */
    public static String assign(HttpServletRequest request) {
        String id = request.getAttribute(ATTRIBUTE) instanceof String known ? known : accept(request.getHeader(HEADER));
        request.setAttribute(ATTRIBUTE, id);
        set(id);
        return id;
    }

    /** The id of the request this thread serves, or null outside a request. */
    public static String current() {
        return CURRENT.get();
    }

    /** Makes {@code id} the current request's; null clears it. */
    public static void set(String id) {
        if (id == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(id);
        }
    }

    public static void clear() {
        CURRENT.remove();
    }
}
