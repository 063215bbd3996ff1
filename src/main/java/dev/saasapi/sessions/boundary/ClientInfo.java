package dev.saasapi.sessions.boundary;

import dev.saasapi.sessions.entity.Session;
import jakarta.servlet.http.HttpServletRequest;

/** What a session records about the client that started it, so that its owner can recognise it. */
final class ClientInfo {

    private ClientInfo() {}

    /** The User-Agent header, cut to what the column holds, control characters replaced. */
    static String userAgent(HttpServletRequest request) {
        return storable(request.getHeader("User-Agent"), Session.MAX_USER_AGENT_LENGTH);
    }

    static String storable(String text, int maxLength) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String kept = text.length() > maxLength ? text.substring(0, maxLength) : text;
        return kept.codePoints()
                .map(c -> Character.isISOControl(c) || Character.getType(c) == Character.SURROGATE ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
    }
}
