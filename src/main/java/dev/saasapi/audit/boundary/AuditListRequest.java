package dev.saasapi.audit.boundary;

import dev.saasapi.audit.entity.AuditQuery;
import dev.saasapi.platform.lists.control.PageRequest;
import jakarta.ws.rs.QueryParam;

/** The query parameters of every audit list: its filters and its page, read as text and checked here. */
public class AuditListRequest {

    @QueryParam("action")
    String action;

    @QueryParam("actor_id")
    String actorId;

    @QueryParam("since")
    String since;

    @QueryParam("until")
    String until;

    @QueryParam(PageRequest.PAGE)
    String page;

    @QueryParam(PageRequest.PER_PAGE)
    String perPage;

    /** @throws dev.saasapi.platform.problems.control.InvalidFieldsException naming each bad parameter */
    public AuditQuery filters() {
        return AuditEvents.filters(action, actorId, since, until);
    }

    /** @throws dev.saasapi.platform.problems.control.InvalidFieldsException naming each bad parameter */
    public PageRequest page() {
        return PageRequest.of(page, perPage);
    }
}
