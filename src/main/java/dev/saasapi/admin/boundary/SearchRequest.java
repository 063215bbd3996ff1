package dev.saasapi.admin.boundary;

import dev.saasapi.platform.lists.control.PageRequest;
import jakarta.ws.rs.QueryParam;

/** The query parameters of the admin's searchable lists: {@code q}, {@code sort} and the page. */
public class SearchRequest {

    @QueryParam("q")
    String query;

    @QueryParam("sort")
    String sort;

    @QueryParam(PageRequest.PAGE)
    String page;

    @QueryParam(PageRequest.PER_PAGE)
    String perPage;

    /** @throws dev.saasapi.platform.problems.control.InvalidFieldsException naming each bad parameter */
    PageRequest page() {
        return PageRequest.of(page, perPage);
    }
}
