package dev.saasapi.identity.control;

import dev.saasapi.platform.config.control.CachedSetting;
import dev.saasapi.platform.config.control.InvalidConfigurationException;
import dev.saasapi.platform.config.control.Settings;
import dev.saasapi.platform.config.control.StartupFailure;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who administers the platform: the accounts whose <em>verified</em> email is in {@code ADMIN_EMAILS}
 * (comma-separated). No default credentials: an operator names the addresses, and the owner of one
 * proves it by verifying it. Read at every check, so removing an address takes the role away at once.
 */
@ApplicationScoped
public class PlatformAdmins {

    public static final String VARIABLE = "ADMIN_EMAILS";

    @Inject
    Settings settings;

    private final CachedSetting<Set<String>> emails =
            new CachedSetting<>(settings -> parse(settings.value(VARIABLE, "")));

    void checkAtStartup(@Observes @Initialized(ApplicationScoped.class) @Priority(1) Object started) {
        StartupFailure.check(this::emails);
    }

    /** Whether an account with this email, verified or not, is a platform admin. */
    public boolean isAdmin(String email, boolean verified) {
        return verified && email != null && emails().contains(email.strip().toLowerCase(Locale.ROOT));
    }

    /** The listed addresses, lower-case. */
    public Set<String> emails() {
        return emails.get(settings);
    }

    static Set<String> parse(String text) {
        Set<String> parsed = Arrays.stream(text.split(","))
                .map(String::strip)
                .filter(entry -> !entry.isEmpty())
                .map(entry -> entry.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        for (String entry : parsed) {
            int at = entry.indexOf('@');
            if (at < 1 || at != entry.lastIndexOf('@') || at == entry.length() - 1 || entry.contains(" ")) {
                throw new InvalidConfigurationException(
                        VARIABLE + " must be email addresses separated by commas; one entry is not an address");
            }
        }
        return parsed;
    }
}
