package dev.saasapi.auth.boundary;

import dev.saasapi.auth.entity.Session;
import jakarta.servlet.http.HttpServletRequest;

/** What a session records about the client that started it, so that its owner can recognise it. */
final class ClientInfo {

    private ClientInfo() {}

    /** The User-Agent header, cut to what the column holds, control characters replaced. */
    static String userAgent(HttpServletRequest request) {
        String agent = request.getHeader("User-Agent");
        if (agent == null || agent.isBlank()) {
            return null;
        }
        String kept = agent.length() > Session.MAX_USER_AGENT_LENGTH
                ? agent.substring(0, Session.MAX_USER_AGENT_LENGTH)
                : agent;
        return kept.codePoints()
                .map(c -> Character.isISOControl(c) || Character.getType(c) == Character.SURROGATE ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
    }

    /** The peer address; behind a proxy, the listener must be told to trust X-Forwarded-For. */
    static String address(HttpServletRequest request) {
        return request.getRemoteAddr();
    }
}
