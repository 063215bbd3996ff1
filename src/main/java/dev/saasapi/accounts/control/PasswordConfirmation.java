package dev.saasapi.accounts.control;

import dev.saasapi.accounts.entity.Password;
import dev.saasapi.accounts.entity.User;
import dev.saasapi.identity.control.TokenSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Sensitive changes need more than an access token, which may have been stolen: the current password,
 * checked with the slow hash like a login (so it is as hard to guess here as there).
 */
@ApplicationScoped
public class PasswordConfirmation {

    private final Clock clock = Clock.systemUTC();

    @Inject
    PasswordHasher hasher;

    /**
     * @return the hash the password was checked against, for the change to confirm it is still current
     * @throws WrongPasswordException if it is not the user's password
     */
    public String confirm(User user, String password) {
        if (password.codePointCount(0, password.length()) > Password.MAX_LENGTH
                || !hasher.verify(password, user.passwordHash())) {
            throw new WrongPasswordException();
        }
        return user.passwordHash();
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
        Duration window = TokenSettings.current().recentLogin();
        if (window.isZero() || authenticatedAt.plus(window).isBefore(clock.instant())) {
            throw new PasswordRequiredException(window.toMinutes());
        }
        return user.passwordHash();
    }
}
