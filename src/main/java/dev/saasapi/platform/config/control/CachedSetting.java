package dev.saasapi.platform.config.control;

import java.util.function.Function;

/**
 * A setting read and checked once, when first asked for (its owner asks at start-up, so that a wrong
 * value stops it there), then kept: settings do not change while the server runs.
 */
public final class CachedSetting<T> {

    private final Function<Settings, T> read;
    private volatile T value;

    /** @param read reads and checks the value, throwing {@link InvalidConfigurationException} */
    public CachedSetting(Function<Settings, T> read) {
        this.read = read;
    }

    public T get(Settings settings) {
        T current = value;
        if (current == null) {
            value = current = read.apply(settings);
        }
        return current;
    }
}
