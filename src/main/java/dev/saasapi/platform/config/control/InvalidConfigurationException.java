package dev.saasapi.platform.config.control;

/**
 * A setting is missing or malformed. The message names the environment variable and never
 * contains a secret value, so it can be logged as it is.
 */
public class InvalidConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidConfigurationException(String message) {
        super(message);
    }

    public InvalidConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
