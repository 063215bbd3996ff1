package dev.saasapi.platform.lists.control;

import dev.saasapi.platform.problems.control.InvalidFieldsException;
import dev.saasapi.platform.problems.entity.Problem;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The {@code sort} parameter of a list: one of an allow-list of names, each mapped to an ORDER BY
 * clause written in the code, so that no request text ever reaches a query.
 */
public final class SortOrder {

    public static final String SORT = "sort";

    private SortOrder() {}

    /**
     * @param requested the parameter, or null for {@code fallback}
     * @param allowed parameter value → ORDER BY clause
     * @return the clause for the requested order
     * @throws InvalidFieldsException naming {@code sort} and the values it may take
     */
    public static String clause(String requested, String fallback, Map<String, String> allowed) {
        String clause = allowed.get(requested == null ? fallback : requested.strip());
        if (clause == null) {
            throw new InvalidFieldsException(List.of(new Problem.FieldError(
                    SORT, "must be one of " + String.join(", ", new TreeSet<>(allowed.keySet())))));
        }
        return clause;
    }
}
