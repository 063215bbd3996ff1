package dev.saasapi.platform.http.control;

import dev.saasapi.platform.config.control.CachedSetting;
import dev.saasapi.platform.config.control.InvalidConfigurationException;
import dev.saasapi.platform.config.control.Settings;
import dev.saasapi.platform.config.control.StartupFailure;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The browser origins allowed to call the API ({@code CORS_ORIGINS}, comma-separated). Empty by
 * default: no cross-origin access. Origins are matched exactly; a wildcard is refused, since any
 * website could then drive the API from its visitors' browsers.
 */
@ApplicationScoped
public class CorsOrigins {

    public static final String VARIABLE = "CORS_ORIGINS";

    @Inject
    Settings settings;

    private final CachedSetting<Set<String>> allowed = new CachedSetting<>(settings -> parse(settings.value(VARIABLE)));

    /** A wrong {@code CORS_ORIGINS} stops the start-up, naming the variable, before the schema is migrated. */
    void checkAtStartup(@Observes @Initialized(ApplicationScoped.class) @Priority(1) Object started) {
        StartupFailure.check(this::allowed);
    }

    /** @throws InvalidConfigurationException when the setting is wrong */
    public Set<String> allowed() {
        return allowed.get(settings);
    }

    static Set<String> parse(Optional<String> setting) {
        if (setting.isEmpty()) {
            return Set.of();
        }
        return Arrays.stream(setting.get().split(","))
                .map(String::strip)
                .filter(origin -> !origin.isEmpty())
                .map(CorsOrigins::requireOrigin)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** An origin as browsers send it: {@code scheme://host[:port]}, lower case, nothing after. */
    private static String requireOrigin(String origin) {
        URI uri;
        try {
            uri = new URI(origin);
        } catch (Exception e) {
            throw invalid(origin);
        }
        String scheme = uri.getScheme();
        if (scheme == null
                || !(scheme.equals("http") || scheme.equals("https"))
                || uri.getHost() == null
                || uri.getRawUserInfo() != null
                || !uri.getRawPath().isEmpty()
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null
                || !origin.equals(origin.toLowerCase(Locale.ROOT))) {
            throw invalid(origin);
        }
        return origin;
    }

    private static InvalidConfigurationException invalid(String origin) {
        return new InvalidConfigurationException(VARIABLE + " must list origins such as https://app.example.com"
                + " (scheme, host and optional port, lower case, no path; no '*'), not '"
                + Printable.of(origin) + "'");
    }
}
