package dev.saasapi.platform.config.control;

import java.util.Optional;

/**
 * Reads a setting from the environment variable, falling back to the matching system property
 * ({@code DATABASE_URL} / {@code database.url}). Only for code that cannot ask MicroProfile Config:
 * the config sources, which run while it is being built, and the {@code db} command, which runs
 * without it. Everything else reads its settings through {@link Settings}.
 */
public final class Environment {

    private Environment() {}

    public static Optional<String> setting(String variable) {
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            value = System.getProperty(Settings.property(variable));
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    /** The settings as the command line sees them, checked like the server's. */
    public static Settings settings() {
        return new Settings(Environment::setting);
    }
}
