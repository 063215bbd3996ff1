package dev.saasapi.platform.lists.control;

import dev.saasapi.platform.problems.control.InvalidFieldsException;
import dev.saasapi.platform.problems.entity.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Which part of a list a request asks for. Query parameters are read as text and checked here, so
 * that {@code page=abc} is a 422 naming the parameter rather than the 404 JAX-RS answers for a query
 * parameter it cannot convert.
 */
public record PageRequest(int page, int perPage) {

    public static final String PAGE = "page";
    public static final String PER_PAGE = "per_page";
    public static final int DEFAULT_PER_PAGE = 20;
    public static final int MAX_PER_PAGE = 100;
    /** Far beyond any real list, and low enough that the offset always fits an int. */
    public static final int MAX_PAGE = 1_000_000;

    public static final String TOTAL_COUNT = "X-Total-Count";

    /**
     * @param page the {@code page} parameter, or null for the first
     * @param perPage the {@code per_page} parameter, or null for {@value #DEFAULT_PER_PAGE}
     * @throws InvalidFieldsException naming every parameter out of range
     */
    public static PageRequest of(String page, String perPage) {
        List<Problem.FieldError> errors = new ArrayList<>();
        int pageNumber = number(page, 1, MAX_PAGE, PAGE, 1, errors);
        int size = number(perPage, 1, MAX_PER_PAGE, PER_PAGE, DEFAULT_PER_PAGE, errors);
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(errors);
        }
        return new PageRequest(pageNumber, size);
    }

    private static int number(
            String text, int least, int most, String name, int absent, List<Problem.FieldError> errors) {
        if (text == null) {
            return absent;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= least && value <= most) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new Problem.FieldError(name, "must be a whole number from " + least + " to " + most));
        return absent;
    }

    /** The index of the page's first item in the whole list. */
    public int offset() {
        return (page - 1) * perPage;
    }

    /** The number of the last page of a list of {@code total} items (1 for an empty list). */
    public int lastPage(long total) {
        return (int) Math.max(1, Math.min(MAX_PAGE, (total + perPage - 1) / perPage));
    }

    /**
     * The 200 of a page of a list: the items as a JSON array, {@code X-Total-Count}, and links to the
     * first, previous, next and last pages. The links are relative references (path and query), so
     * that a forged {@code Host} header never makes its way into them.
     */
    public Response.ResponseBuilder respond(Page<?> page, UriInfo uri) {
        return respond(page.items(), page.total(), uri);
    }

    /** See {@link #respond(Page, UriInfo)}. */
    public Response.ResponseBuilder respond(List<?> items, long total, UriInfo uri) {
        int last = lastPage(total);
        List<String> links = new ArrayList<>();
        links.add(link(uri, 1, "first"));
        if (page > 1) {
            links.add(link(uri, Math.min(page - 1, last), "prev"));
        }
        if (page < last) {
            links.add(link(uri, page + 1, "next"));
        }
        links.add(link(uri, last, "last"));
        return Response.ok(items).header(TOTAL_COUNT, total).header("Link", String.join(", ", links));
    }

    /**
     * The request's own path and query with another page: every other parameter is kept (decoded and
     * encoded again, so that whatever a client sent comes back as well-formed text).
     */
    private String link(UriInfo uri, int target, String relation) {
        StringBuilder query = new StringBuilder();
        uri.getQueryParameters(true).forEach((name, values) -> {
            if (!name.equals(PAGE) && !name.equals(PER_PAGE)) {
                values.forEach(value -> query.append(encode(name))
                        .append('=')
                        .append(encode(value))
                        .append('&'));
            }
        });
        query.append(PAGE)
                .append('=')
                .append(target)
                .append('&')
                .append(PER_PAGE)
                .append('=')
                .append(perPage);
        return "<" + uri.getBaseUri().getRawPath().replaceAll("/$", "") + "/"
                + uri.getPath(true).replaceAll("^/", "").transform(PageRequest::encodePath) + "?" + query + ">; rel=\""
                + relation + "\"";
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** Each segment percent-encoded as a path segment (URLEncoder's '+' for a space is a query's form). */
    private static String encodePath(String path) {
        return Arrays.stream(path.split("/", -1))
                .map(segment -> encode(segment).replace("+", "%20"))
                .collect(Collectors.joining("/"));
    }
}
