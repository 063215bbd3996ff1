package dev.saasapi.platform.config.control;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * A config source whose values are computed from other settings (one environment variable split
 * into several properties, a public key derived from a private one). Broken settings yield no
 * values; the problem is logged once, in one line naming the variable.
 */
public abstract class DerivedConfigSource implements ConfigSource {

    private final String name;
    private final int ordinal;
    private final Set<String> propertyNames;

    protected DerivedConfigSource(String name, int ordinal, Set<String> propertyNames) {
        this.name = name;
        this.ordinal = ordinal;
        this.propertyNames = propertyNames;
    }

    /** @throws InvalidConfigurationException when the settings behind the values are wrong */
    protected abstract Map<String, String> values();

    @Override
    public Map<String, String> getProperties() {
        try {
            return values();
        } catch (InvalidConfigurationException e) {
            StartupFailure.report(e);
            return Map.of();
        }
    }

    @Override
    public Set<String> getPropertyNames() {
        return propertyNames;
    }

    @Override
    public String getValue(String propertyName) {
        return propertyNames.contains(propertyName) ? getProperties().get(propertyName) : null;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public int getOrdinal() {
        return ordinal;
    }
}
