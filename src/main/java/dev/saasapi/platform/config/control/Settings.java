package dev.saasapi.platform.config.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;

/**
 * The one reader of the application's settings, and the one place their values are checked.
 *
 * <p>A setting is named in the code by the environment variable ops set, the README's name ({@code
 * ACCESS_TOKEN_EXPIRE_MINUTES}). MicroProfile Config is asked for the property that variable maps
 * onto ({@code access.token.expire.minutes}): the variable itself, a system property of that name or
 * any other config source of the server can set it. Values are stripped, and an empty or blank value
 * counts as unset. Each default is given where the setting is read, next to its range.
 *
 * <p>A wrong value throws an {@link InvalidConfigurationException} whose message names the variable
 * and never the value, which may be a secret. Every method whose first parameter is {@code variable}
 * is called with a {@code …VARIABLE} constant, so that DeliveryFilesTest sees every variable read.
 */
@Dependent
public final class Settings {

    /** The longest of the bounded start-up waits: an hour. */
    static final int MAX_WAIT_SECONDS = 3600;

    private final Function<String, Optional<String>> lookup;

    @Inject
    public Settings(Config config) {
        this(variable -> config.getOptionalValue(property(variable), String.class));
    }

    /**
     * @param lookup the raw value of a setting by its variable: MicroProfile Config in the server, the
     *     environment for the command line ({@link Environment#settings()}), a map in unit tests
     */
    public Settings(Function<String, Optional<String>> lookup) {
        this.lookup = lookup;
    }

    /** The MicroProfile Config property a variable maps onto: {@code DATABASE_URL} → {@code database.url}. */
    public static String property(String variable) {
        return variable.toLowerCase(Locale.ROOT).replace('_', '.');
    }

    /** The setting, stripped; empty when it is unset or blank. */
    public Optional<String> value(String variable) {
        return lookup.apply(variable).map(String::strip).filter(value -> !value.isEmpty());
    }

    public String value(String variable, String defaultValue) {
        return value(variable).orElse(defaultValue);
    }

    /** A whole number of {@code unit}s from {@code min} to {@code max}; {@code defaultValue} when unset. */
    public Duration duration(String variable, long defaultValue, ChronoUnit unit, long min, long max) {
        return duration(variable, value(variable, String.valueOf(defaultValue)), unit, min, max);
    }

    /** One of the bounded start-up waits, from 0 to an hour; {@code defaultSeconds} when unset. */
    public int seconds(String variable, int defaultSeconds) {
        return seconds(variable, value(variable, String.valueOf(defaultSeconds)));
    }

    /**
     * A whole number of {@code unit}s; a wrong one fails with, for instance, "ACCESS_TOKEN_EXPIRE_MINUTES
     * must be a whole number of minutes from 1 to 527040".
     */
    public static Duration duration(String variable, String text, ChronoUnit unit, long min, long max) {
        String units = unit.toString().toLowerCase(Locale.ROOT);
        return Duration.of(
                wholeNumber(variable, text, min, max, "a whole number of " + units + " from " + min + " to " + max),
                unit);
    }

    /** A number of seconds from 0 to an hour, the range of every bounded wait at start-up. */
    public static int seconds(String variable, String text) {
        return (int)
                wholeNumber(variable, text, 0, MAX_WAIT_SECONDS, "a number of seconds from 0 to " + MAX_WAIT_SECONDS);
    }

    /**
     * A whole number from {@code min} to {@code max}.
     *
     * @param mustBe what the value must be, as the message to ops ends: "a whole number from 1 to 1024"
     */
    public static long wholeNumber(String variable, String text, long min, long max, String mustBe) {
        long value;
        try {
            value = Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw invalid(variable, mustBe);
        }
        if (value < min || value > max) {
            throw invalid(variable, mustBe);
        }
        return value;
    }

    /**
     * One of a few words, in any case.
     *
     * @param mustBe what the value must be, as the message to ops ends: "text or json"
     */
    public static <T> T oneOf(String variable, String text, Map<String, T> choices, String mustBe) {
        T choice = choices.get(text.strip().toLowerCase(Locale.ROOT));
        if (choice == null) {
            throw invalid(variable, mustBe);
        }
        return choice;
    }

    /** "VARIABLE must be …": the failure of a check, naming the variable and never the value. */
    public static InvalidConfigurationException invalid(String variable, String mustBe) {
        return new InvalidConfigurationException(variable + " must be " + mustBe);
    }
}
