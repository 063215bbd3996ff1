package dev.saasapi.platform.config.control;

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

    /** A number of seconds from 0 to an hour, for the bounded waits; anything else stops start-up. */
    public static int seconds(String variable, int defaultSeconds) {
        return seconds(variable, setting(variable), defaultSeconds);
    }

    static int seconds(String variable, Optional<String> value, int defaultSeconds) {
        if (value.isEmpty()) {
            return defaultSeconds;
        }
        try {
            int seconds = Integer.parseInt(value.get());
            if (seconds >= 0 && seconds <= 3600) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidConfigurationException(variable + " must be a number of seconds from 0 to 3600");
    }
}
