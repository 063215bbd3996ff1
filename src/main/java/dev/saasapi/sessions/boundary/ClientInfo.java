package dev.saasapi.sessions.boundary;

import dev.saasapi.platform.http.control.Printable;
import dev.saasapi.sessions.entity.Session;
import jakarta.servlet.http.HttpServletRequest;

/** What a session records about the client that started it, so that its owner can recognise it. */
final class ClientInfo {

    private ClientInfo() {}

    /** The User-Agent header, cut to what the column holds, control characters replaced. */
    static String userAgent(HttpServletRequest request) {
        return Printable.storable(request.getHeader("User-Agent"), Session.MAX_USER_AGENT_LENGTH);
    }
}
