package dev.saasapi.config.control;

import java.util.Locale;
import java.util.Optional;

/**
 * Reads a setting from the environment variable, falling back to the matching system property
 * ({@code DATABASE_URL} / {@code database.url}). Config sources use it because they cannot ask
 * MicroProfile Config while it is still being built.
 */
public final class Environment {

    private Environment() {}

    public static Optional<String> setting(String variable) {
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            value = System.getProperty(variable.toLowerCase(Locale.ROOT).replace('_', '.'));
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
