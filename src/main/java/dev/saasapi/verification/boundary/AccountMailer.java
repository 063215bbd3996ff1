package dev.saasapi.verification.boundary;

import dev.saasapi.accounts.boundary.AccountChanges;
import dev.saasapi.accounts.boundary.Accounts;
import dev.saasapi.accounts.entity.AccountRegistered;
import dev.saasapi.accounts.entity.EmailChanged;
import dev.saasapi.accounts.entity.PasswordChanged;
import dev.saasapi.accounts.entity.User;
import dev.saasapi.platform.audit.entity.SecurityEvent;
import dev.saasapi.platform.mail.boundary.Outbox;
import dev.saasapi.platform.secrets.control.InvalidEmailTokenException;
import dev.saasapi.verification.control.AccountMails;
import dev.saasapi.verification.control.EmailTokenStore;
import dev.saasapi.verification.control.VerificationSettings;
import dev.saasapi.verification.entity.RedeemedToken;
import dev.saasapi.verification.entity.TokenPurpose;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The mails about an account and the links in them. Each mail is queued in the transaction of the
 * change it reports, through the outbox: a committed registration always has its verification mail,
 * a rolled-back one has none. Without {@code SMTP_HOST} no token is made and no mail queued.
 */
@ApplicationScoped
public class AccountMailer {

    /** At most one mail of a kind per account in this time; further requests are dropped silently. */
    static final Duration MIN_INTERVAL = Duration.ofMinutes(1);

    private final Clock clock = Clock.systemUTC();

    @Inject
    Event<SecurityEvent> audit;

    @Inject
    Outbox outbox;

    @Inject
    EmailTokenStore tokens;

    @Inject
    VerificationSettings settings;

    @Inject
    Accounts accounts;

    @Inject
    AccountChanges accountChanges;

    void onRegistered(@Observes AccountRegistered registered) {
        sendLink(registered.accountId(), registered.email(), TokenPurpose.VERIFY_EMAIL);
    }

    /**
     * The new address gets a link that verifies it, the old one a notice: a takeover does not go unseen.
     * Not for a second change within a minute: an account changing its email back and forth would
     * otherwise mail whichever addresses it names. The first change after registering (a typo
     * corrected) is mailed as usual.
     */
    void onEmailChanged(@Observes EmailChanged change) {
        Instant now = clock.instant();
        if (!outbox.enabled()
                || change.previousChange()
                        .filter(previous -> previous.isAfter(now.minus(MIN_INTERVAL)))
                        .isPresent()) {
            tokens.removeOf(
                    change.accountId(), TokenPurpose.VERIFY_EMAIL); // the old address' link verifies nothing now
            return;
        }
        sendLink(change.accountId(), change.newEmail(), TokenPurpose.VERIFY_EMAIL);
        outbox.enqueue(mails().emailChanged(change.previousEmail(), change.newEmail()));
    }

    /** Outstanding reset links stop working, and the owner hears of the change. */
    void onPasswordChanged(@Observes PasswordChanged change) {
        tokens.removeOf(change.accountId(), TokenPurpose.RESET_PASSWORD);
        if (outbox.enabled()) {
            accounts.find(change.accountId())
                    .ifPresent(user -> outbox.enqueue(mails().passwordChanged(
                                    user.email(), outbox.publicPage(TokenPurpose.RESET_PASSWORD.page()))));
        }
    }

    /** A new verification link, if the account exists, is active and unverified, and had none in the last minute. */
    @Transactional
    public void requestVerification(String email) {
        accounts.findActiveByEmail(email)
                .filter(user -> !user.emailVerified())
                .flatMap(user -> lockedIfQuiet(user, TokenPurpose.VERIFY_EMAIL))
                .ifPresent(user -> sendLink(user.id(), user.email(), TokenPurpose.VERIFY_EMAIL));
    }

    /** A reset link, if the account exists and is active, and had none in the last minute. */
    /** @param client who asked, recorded with the request in the account's security events */
    @Transactional
    public void requestPasswordReset(String email, SecurityEvent.Client client) {
        accounts.findActiveByEmail(email)
                .flatMap(user -> lockedIfQuiet(user, TokenPurpose.RESET_PASSWORD))
                .ifPresent(user -> {
                    sendLink(user.id(), user.email(), TokenPurpose.RESET_PASSWORD);
                    audit.fire(SecurityEvent.success("password_reset.requested")
                            .account(user.id())
                            .by(SecurityEvent.Actor.anonymous())
                            .from(client));
                });
    }

    /**
     * Uses a verification token.
     *
     * @return the account, now verified
     * @throws InvalidEmailTokenException if the token is not a live one, or was sent to an address the account no longer has
     */
    @Transactional(dontRollbackOn = InvalidEmailTokenException.class)
    public User verify(String token) {
        RedeemedToken redeemed = lockHolderAndRedeem(token, TokenPurpose.VERIFY_EMAIL);
        return accounts.verifyEmail(redeemed.userId(), redeemed.email()).orElseThrow(InvalidEmailTokenException::new);
    }

    /** Whether the reset token can be used: checked before the new password is hashed, which is slow. */
    public boolean resetTokenUsable(String token) {
        return tokens.holder(token, TokenPurpose.RESET_PASSWORD, clock.instant())
                .isPresent();
    }

    /**
     * Uses a reset token: the new password is stored, every session and access token of the account
     * ends, and the address counts as verified.
     *
     * @throws InvalidEmailTokenException if the token is not a live one (another request may have used it meanwhile)
     */
    @Transactional(dontRollbackOn = InvalidEmailTokenException.class)
    public void resetPassword(String token, String newHash) {
        RedeemedToken redeemed = lockHolderAndRedeem(token, TokenPurpose.RESET_PASSWORD);
        Optional<User> user = accounts.lock(redeemed.userId()).filter(User::active);
        if (user.isEmpty() || !user.get().hasEmail(redeemed.email())) {
            throw new InvalidEmailTokenException(); // the token is used up: it was for an address the account left
        }
        accountChanges.resetPassword(redeemed.userId(), newHash, redeemed.email());
    }

    /** The account first, then the token: the order in which every writer locks them. */
    private RedeemedToken lockHolderAndRedeem(String token, TokenPurpose purpose) {
        UUID holder = tokens.holder(token, purpose, clock.instant()).orElseThrow(InvalidEmailTokenException::new);
        accounts.lock(holder);
        return tokens.redeem(token, purpose, clock.instant())
                .filter(redeemed -> redeemed.userId().equals(holder))
                .orElseThrow(InvalidEmailTokenException::new);
    }

    /** The account, locked, unless it was sent a mail of this kind in the last minute. */
    private Optional<User> lockedIfQuiet(User user, TokenPurpose purpose) {
        Instant now = clock.instant();
        return accounts.lock(user.id())
                .filter(locked -> !tokens.issuedSince(locked.id(), purpose, now.minus(MIN_INTERVAL)));
    }

    private void sendLink(UUID accountId, String email, TokenPurpose purpose) {
        if (!outbox.enabled()) {
            return;
        }
        Duration ttl = purpose == TokenPurpose.VERIFY_EMAIL ? settings.verificationTtl() : settings.resetTtl();
        String token = tokens.issue(accountId, purpose, email, clock.instant(), ttl);
        String link = outbox.publicPage(purpose.page()) + "#token=" + token;
        outbox.enqueue(
                purpose == TokenPurpose.VERIFY_EMAIL
                        ? mails().verifyEmail(email, link, ttl)
                        : mails().resetPassword(email, link, ttl));
    }

    private AccountMails mails() {
        return new AccountMails(outbox.productName());
    }
}
