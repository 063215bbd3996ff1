package dev.saasapi.accounts.boundary;

import dev.saasapi.accounts.control.EmailNotVerifiedException;
import dev.saasapi.accounts.control.EmailTakenException;
import dev.saasapi.accounts.control.EmailVerificationPolicy;
import dev.saasapi.accounts.control.PasswordConfirmation;
import dev.saasapi.accounts.control.PasswordHasher;
import dev.saasapi.accounts.control.PasswordHashingBusyException;
import dev.saasapi.accounts.control.UserStore;
import dev.saasapi.accounts.entity.AccountRegistered;
import dev.saasapi.accounts.entity.User;
import dev.saasapi.accounts.entity.VerifiedPassword;
import dev.saasapi.platform.audit.entity.SecurityEvent;
import dev.saasapi.platform.lists.control.Page;
import dev.saasapi.platform.lists.control.PageRequest;
import dev.saasapi.platform.lists.control.SortOrder;
import dev.saasapi.platform.problems.control.InvalidFieldsException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * What other features may ask of an account: check a login's password, lock the account before
 * writing anything that belongs to it, revoke its tokens. The methods that lock run inside the
 * caller's transaction, so that the account is always the first row a writer locks.
 */
@ApplicationScoped
public class Accounts {

    private final Clock clock = Clock.systemUTC();

    @Inject
    UserStore users;

    @Inject
    PasswordConfirmation passwords;

    @Inject
    PasswordHasher hasher;

    @Inject
    EmailVerificationPolicy verificationPolicy;

    @Inject
    Event<AccountRegistered> registered;

    @Inject
    Event<SecurityEvent> audit;

    /** The account a login names, active or not (case-insensitive): read once, before the throttle and the hash. */
    public Optional<User> findForLogin(String email) {
        return users.findByEmail(email.strip());
    }

    /**
     * The account found by {@link #findForLogin}, if the password matches; as slow either way (an empty
     * account is checked against a decoy hash). Made for the token endpoint: a shed login carries
     * OAuth2's {@code temporarily_unavailable}.
     */
    public Optional<VerifiedPassword> verifyLogin(Optional<User> account, String password) {
        try {
            return passwords.login(account, password);
        } catch (PasswordHashingBusyException e) {
            throw PasswordHashingBusyException.atTokenEndpoint();
        }
    }

    /**
     * The account, locked, if it is active and its password is still the verified one; a hash made
     * under an older policy is replaced by {@code rehash} here, in the same transaction.
     *
     * @throws EmailNotVerifiedException if logging in needs a verified email and the account has none
     */
    @Transactional(TxType.MANDATORY)
    public Optional<User> lockVerified(VerifiedPassword login) {
        Optional<User> user = users.findForUpdate(login.accountId())
                .filter(User::active)
                .filter(found -> found.hasPasswordHash(login.verifiedHash()));
        if (user.isPresent() && !user.get().emailVerified() && verificationPolicy.required()) {
            throw new EmailNotVerifiedException();
        }
        if (user.isPresent() && login.rehash() != null) {
            users.replacePasswordHash(login.accountId(), login.verifiedHash(), login.rehash());
        }
        return user;
    }

    /**
     * A new account with a password hashed before (no connection is held during the slow hash);
     * announced to the other features in the same transaction.
     *
     * @throws EmailTakenException if another account has the email (compared case-insensitively)
     */
    @Transactional
    public User register(String email, String passwordHash) {
        if (users.findByEmail(email).isPresent()) {
            throw new EmailTakenException();
        }
        User user = users.add(new User(email, passwordHash));
        registered.fire(new AccountRegistered(user.id(), user.email()));
        audit.fire(SecurityEvent.success("account.registered").account(user.id()));
        return user;
    }

    /** The active account with this email (case-insensitive), if there is one. */
    public Optional<User> findActiveByEmail(String email) {
        return users.findByEmail(email.strip()).filter(User::active);
    }

    /**
     * A page of every account whose email contains {@code query}, sorted by one of {@link
     * UserStore#SORTS} ({@code created_at} when null).
     *
     * @throws InvalidFieldsException for another sort
     */
    @Transactional
    public Page<User> search(String query, String sort, PageRequest page) {
        String order = SortOrder.clause(sort, "created_at", UserStore.SORTS);
        return new Page<>(users.search(query, order, page.offset(), page.perPage()), users.count(query));
    }

    /** The account, if it still exists. */
    public Optional<User> find(UUID accountId) {
        return users.findById(accountId);
    }

    /**
     * Marks the account's email verified, if the account is active and its email is still {@code
     * sentTo}, the address the proof was mailed to.
     *
     * @return the account as it is now, or empty if the proof is for nothing it has
     */
    @Transactional(TxType.MANDATORY)
    public Optional<User> verifyEmail(UUID accountId, String sentTo) {
        Optional<User> verified =
                users.findForUpdate(accountId).filter(User::active).filter(user -> user.verifyEmail(sentTo));
        verified.ifPresent(user -> audit.fire(SecurityEvent.success("email.verified")
                .account(accountId)
                .detail("email", sentTo)
                .by(SecurityEvent.Actor.anonymous())));
        return verified;
    }

    /** The account, locked until the transaction ends, whatever its state. */
    @Transactional(TxType.MANDATORY)
    public Optional<User> lock(UUID accountId) {
        return users.findForUpdate(accountId);
    }

    /** Every access token issued so far is refused from now on, and every session is over. */
    @Transactional(TxType.MANDATORY)
    public void revokeTokens(UUID accountId) {
        users.findForUpdate(accountId).ifPresent(user -> user.revokeTokens(clock.instant()));
        users.flush();
    }

    /**
     * @return the hash the password was checked against, for the change that follows
     * @throws dev.saasapi.accounts.control.WrongPasswordException if it is not the account's password
     */
    public String confirmPassword(User user, String password) {
        return passwords.confirm(user, password);
    }

    /** A new password hashed under the current policy: slow, so call it outside a transaction. */
    public String hashNewPassword(String password) {
        return hasher.hash(password);
    }
}
