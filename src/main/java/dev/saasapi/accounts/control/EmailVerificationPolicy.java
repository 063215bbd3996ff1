package dev.saasapi.accounts.control;

import dev.saasapi.platform.config.control.Settings;
import dev.saasapi.platform.config.control.StartupFailure;
import dev.saasapi.platform.mail.control.MailSettings;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * Whether logging in needs a verified email ({@code REQUIRE_EMAIL_VERIFICATION}). Off by default: the
 * original contract is register, then log in at once.
 */
@ApplicationScoped
public class EmailVerificationPolicy {

    public static final String VARIABLE = "REQUIRE_EMAIL_VERIFICATION";

    @Inject
    Settings settings;

    @Inject
    MailSettings mail;

    private volatile Boolean required;

    /** Requiring a verified email without mail to verify it with would lock every new account out. */
    void checkAtStartup(@Observes @Initialized(ApplicationScoped.class) @Priority(1) Object started) {
        StartupFailure.check(() -> {
            if (required() && mail.smtp().isEmpty()) {
                throw Settings.invalid(
                        VARIABLE, "false unless " + MailSettings.HOST_VARIABLE + " is set: nobody could verify");
            }
        });
    }

    public boolean required() {
        Boolean read = required;
        if (read == null) {
            required = read = parse(settings.value(VARIABLE, "false"));
        }
        return read;
    }

    static boolean parse(String text) {
        return Settings.oneOf(VARIABLE, text, Map.of("true", true, "false", false), "true or false");
    }
}
