package dev.saasapi.accounts.boundary;

import dev.saasapi.accounts.control.EmailTakenException;
import dev.saasapi.accounts.control.UnknownAccountException;
import dev.saasapi.accounts.control.UserStore;
import dev.saasapi.accounts.entity.AccountDeleted;
import dev.saasapi.accounts.entity.EmailChanged;
import dev.saasapi.accounts.entity.PasswordChanged;
import dev.saasapi.accounts.entity.User;
import dev.saasapi.platform.audit.entity.SecurityEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * The writes a password authorises, each in a transaction that starts after the password was checked
 * (no database connection is held during the slow hash), and each only if the password is still the
 * one that was checked. What happened is announced to the other features inside the same transaction.
 */
@ApplicationScoped
public class AccountChanges {

    private final Clock clock = Clock.systemUTC();

    @Inject
    UserStore users;

    @Inject
    Event<PasswordChanged> passwordChanged;

    @Inject
    Event<AccountDeleted> accountDeleted;

    @Inject
    Event<EmailChanged> emailChanged;

    @Inject
    Event<SecurityEvent> audit;

    @Transactional
    public User changeEmail(UUID userId, String verifiedHash, String email) {
        User user = users.lockUnchanged(userId, verifiedHash);
        users.findByEmail(email).filter(other -> !other.id().equals(user.id())).ifPresent(other -> {
            throw new EmailTakenException();
        });
        String previous = user.email();
        boolean newAddress = !user.hasEmail(email);
        Optional<Instant> previousChange =
                Optional.ofNullable(user.changeEmail(email)).map(OffsetDateTime::toInstant);
        users.flush();
        if (newAddress) {
            emailChanged.fire(new EmailChanged(userId, previous, email, previousChange));
        }
        audit.fire(SecurityEvent.success("email.changed")
                .account(userId)
                .detail("from", previous)
                .detail("to", user.email()));
        return user;
    }

    /**
     * Stores the new hash and revokes every access token issued so far; the sessions feature ends
     * every session but {@code keptSession}. Joins the caller's transaction when there is one.
     *
     * @return what happened, with the instant from which new tokens are valid
     */
    @Transactional
    public PasswordChanged changePassword(
            UUID userId, String verifiedHash, String newHash, Optional<UUID> keptSession) {
        User user = users.lockUnchanged(userId, verifiedHash);
        Instant at = user.changePassword(newHash, clock.instant());
        users.flush();
        PasswordChanged change = new PasswordChanged(userId, user.email(), keptSession, at);
        passwordChanged.fire(change);
        audit.fire(SecurityEvent.success("password.changed").account(userId));
        return change;
    }

    /**
     * A new password for someone who proved they read the account's mail at {@code sentTo} instead of
     * knowing the old one: stored, every session ends and every access token issued so far is refused,
     * and the email counts as verified. Joins the caller's transaction (the one that used the token).
     *
     * @throws UnknownAccountException if the account is gone or disabled
     */
    @Transactional
    public PasswordChanged resetPassword(UUID userId, String newHash, String sentTo) {
        User user = users.findForUpdate(userId).filter(User::active).orElseThrow(UnknownAccountException::new);
        Instant at = user.changePassword(newHash, clock.instant());
        user.verifyEmail(sentTo);
        users.flush();
        PasswordChanged change = new PasswordChanged(userId, user.email(), Optional.empty(), at);
        passwordChanged.fire(change);
        audit.fire(SecurityEvent.success("password_reset.completed")
                .account(userId)
                .by(SecurityEvent.Actor.anonymous()));
        return change;
    }

    /** The account and everything that belongs to it, at once; the email can be registered again. */
    @Transactional
    public void delete(UUID userId, String verifiedHash) {
        User user = users.lockUnchanged(userId, verifiedHash);
        accountDeleted.fire(new AccountDeleted(userId));
        audit.fire(SecurityEvent.success("account.deleted").account(userId).detail("email", user.email()));
        users.remove(user);
        users.flush();
    }
}
