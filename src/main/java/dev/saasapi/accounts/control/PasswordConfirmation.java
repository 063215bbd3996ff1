package dev.saasapi.accounts.control;

import dev.saasapi.accounts.entity.Password;
import dev.saasapi.accounts.entity.User;
import dev.saasapi.accounts.entity.VerifiedPassword;
import dev.saasapi.identity.control.TokenSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

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
        Duration window = TokenSettings.current().recentLogin();
        if (window.isZero() || authenticatedAt.plus(window).isBefore(clock.instant())) {
            throw new PasswordRequiredException(window.toMinutes());
        }
        return user.passwordHash();
    }
}
