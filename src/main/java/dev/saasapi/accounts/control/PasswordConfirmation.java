package dev.saasapi.accounts.control;

import dev.saasapi.accounts.entity.Password;
import dev.saasapi.accounts.entity.User;
import dev.saasapi.accounts.entity.VerifiedPassword;
import dev.saasapi.platform.config.control.InvalidConfigurationException;
import dev.saasapi.platform.config.control.Settings;
import dev.saasapi.platform.config.control.StartupFailure;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Sensitive changes need more than an access token, which may have been stolen: the current password,
 * checked with the slow hash like a login (so it is as hard to guess here as there).
 */
@ApplicationScoped
public class PasswordConfirmation {

    public static final String RECENT_LOGIN_VARIABLE = "RECENT_LOGIN_MINUTES";
    static final long DEFAULT_RECENT_LOGIN_MINUTES = 5;
    private static final long MAX_RECENT_LOGIN_MINUTES = 60;

    private final Clock clock = Clock.systemUTC();

    @Inject
    PasswordHasher hasher;

    @Inject
    Settings settings;

    private volatile Duration recentLogin;

    /** A wrong {@code RECENT_LOGIN_MINUTES} stops the start-up, naming the variable. */
    void checkAtStartup(@Observes @Initialized(ApplicationScoped.class) @Priority(1) Object started) {
        StartupFailure.check(this::recentLoginWindow);
    }

    /**
     * @return the hash the password was checked against, for the change to confirm it is still current
     * @throws WrongPasswordException if it is not the user's password
     */
    public String confirm(User user, String password) {
        if (!matches(password, user.passwordHash())) {
            throw new WrongPasswordException();
        }
        return user.passwordHash();
    }

    /**
     * Whether the password matches the hash. A password longer than any account can have is refused
     * without hashing: not worth the time, and as fast for a known account as for an unknown one.
     */
    public boolean matches(String password, String hash) {
        return password.codePointCount(0, password.length()) <= Password.MAX_LENGTH && hasher.verify(password, hash);
    }

    /**
     * The account whose email and password these are, checked as slowly when there is no such account
     * (against a decoy hash), so the answer's timing tells nothing. No database connection is held
     * during the hash.
     */
    public Optional<VerifiedPassword> login(Optional<User> account, String password) {
        if (password.codePointCount(0, password.length()) > Password.MAX_LENGTH) {
            return Optional.empty();
        }
        User user = account.filter(User::active).orElse(null);
        if (user == null) {
            hasher.verifyDecoy(password);
            return Optional.empty();
        }
        if (!hasher.verify(password, user.passwordHash())) {
            return Optional.empty();
        }
        String rehash = hasher.needsRehash(user.passwordHash()) ? hasher.hash(password) : null;
        return Optional.of(new VerifiedPassword(user.id(), user.passwordHash(), rehash));
    }

    /**
     * Like {@link #confirm}, but a missing password is enough when the caller logged in with it within
     * {@code RECENT_LOGIN_MINUTES}: clients that changed the email right after logging in keep working.
     *
     * @throws PasswordRequiredException if it is missing and the login is not recent
     */
    public String confirmUnlessRecent(User user, String password, Instant authenticatedAt) {
        if (password != null) {
            return confirm(user, password);
        }
        Duration window = recentLoginWindow();
        if (window.isZero() || authenticatedAt.plus(window).isBefore(clock.instant())) {
            throw new PasswordRequiredException(window.toMinutes());
        }
        return user.passwordHash();
    }

    /**
     * How long after a login the access token alone may change the email; 0 always asks for the password.
     *
     * @throws InvalidConfigurationException when {@code RECENT_LOGIN_MINUTES} is wrong
     */
    Duration recentLoginWindow() {
        Duration window = recentLogin;
        if (window == null) {
            recentLogin = window =
                    recentLogin(settings.value(RECENT_LOGIN_VARIABLE, String.valueOf(DEFAULT_RECENT_LOGIN_MINUTES)));
        }
        return window;
    }

    static Duration recentLogin(String minutes) {
        return Settings.duration(RECENT_LOGIN_VARIABLE, minutes, ChronoUnit.MINUTES, 0, MAX_RECENT_LOGIN_MINUTES);
    }
}
