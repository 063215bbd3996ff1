package dev.saasapi.platform.lists.control;

import java.util.Locale;

/** The {@code q} parameter of a list as a LIKE pattern: text that contains it, case-insensitively. */
public final class ContainsPattern {

    /** The escape character the pattern uses; queries say {@code LIKE :pattern ESCAPE '!'}. */
    public static final char ESCAPE = '!';

    private ContainsPattern() {}

    /**
     * @param query the parameter; null or blank for everything
     * @return a lower-case pattern in which {@code %} and {@code _} match themselves
     */
    public static String of(String query) {
        if (query == null || query.isBlank()) {
            return "%";
        }
        String literal = query.strip()
                .toLowerCase(Locale.ROOT)
                .replace("!", "!!")
                .replace("%", "!%")
                .replace("_", "!_");
        return "%" + literal + "%";
    }
}
