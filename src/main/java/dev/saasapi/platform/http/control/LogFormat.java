package dev.saasapi.platform.http.control;

import dev.saasapi.platform.config.control.InvalidConfigurationException;
import dev.saasapi.platform.config.control.Settings;
import java.util.Map;
import java.util.logging.Formatter;

/** {@code LOG_FORMAT}: Payara's usual text lines, or one JSON object per line for log shippers. */
public enum LogFormat {
    TEXT,
    JSON;

    public static final String VARIABLE = "LOG_FORMAT";
    /** Payara's own JSON format, the one its log viewer and documentation describe. */
    static final String PAYARA_JSON_FORMATTER = "fish.payara.enterprise.server.logging.JSONLogFormatter";

    /** @throws InvalidConfigurationException when the setting is neither text nor json */
    public static LogFormat from(Settings settings) {
        return parse(settings.value(VARIABLE, "text"));
    }

    static LogFormat parse(String value) {
        return Settings.oneOf(VARIABLE, value, Map.of("text", TEXT, "json", JSON), "text or json");
    }

    /**
     * The formatter for this format, given the server's current one: text keeps it, JSON loads
     * Payara's JSON formatter from the same class loader as the server's formatter.
     */
    public Formatter formatter(Formatter current) {
        if (this == TEXT) {
            return current;
        }
        try {
            return (Formatter) Class.forName(
                            PAYARA_JSON_FORMATTER, true, current.getClass().getClassLoader())
                    .getDeclaredConstructor()
                    .newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new InvalidConfigurationException(
                    VARIABLE + "=json needs Payara's JSON log format, which this server does not have", e);
        }
    }
}
