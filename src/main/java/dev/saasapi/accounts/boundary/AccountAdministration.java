package dev.saasapi.accounts.boundary;

import dev.saasapi.accounts.control.LastAdminException;
import dev.saasapi.accounts.control.UnknownUserException;
import dev.saasapi.accounts.control.UserStore;
import dev.saasapi.accounts.entity.AccountDeactivated;
import dev.saasapi.accounts.entity.AccountDeleted;
import dev.saasapi.accounts.entity.User;
import dev.saasapi.identity.control.PlatformAdmins;
import dev.saasapi.platform.audit.entity.SecurityEvent;
import dev.saasapi.platform.http.control.PathIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * What a platform admin may do to any account, without its password. No change may leave the
 * platform without an active admin: the admins' accounts are locked first (in the order of their
 * ids, then the target's), so that two admins turning each other off take turns and the second is
 * refused.
 */
@ApplicationScoped
public class AccountAdministration {

    private final Clock clock = Clock.systemUTC();

    @Inject
    UserStore users;

    @Inject
    PlatformAdmins admins;

    @Inject
    Event<AccountDeactivated> deactivated;

    @Inject
    Event<AccountDeleted> deleted;

    @Inject
    Event<SecurityEvent> audit;

    /**
     * The account id in a request path; text that is not a UUID names no account.
     *
     * @throws UnknownUserException if it is not a UUID
     */
    public static UUID accountId(String pathId) {
        return PathIds.parse(pathId).orElseThrow(UnknownUserException::new);
    }

    /** @throws UnknownUserException if no account has this id */
    @Transactional
    public User get(UUID accountId) {
        return users.findById(accountId).orElseThrow(UnknownUserException::new);
    }

    /**
     * Turns the account off (every session ends and every token is refused from the next request on)
     * or back on (its owner logs in again). Setting what is already set changes nothing.
     *
     * @throws UnknownUserException if no account has this id
     * @throws LastAdminException if it would turn off the last active platform admin
     */
    @Transactional
    public User setActive(UUID adminId, UUID accountId, boolean active) {
        if (active) {
            User user = users.findForUpdate(accountId).orElseThrow(UnknownUserException::new);
            if (!user.active()) {
                user.activate(clock.instant());
                users.flush();
                audit.fire(SecurityEvent.success("account.reactivated")
                        .account(accountId)
                        .by(admin(adminId)));
            }
            return user;
        }
        User user = lockLeavingAnAdmin(accountId);
        if (user.active()) {
            user.deactivate(clock.instant());
            users.flush();
            deactivated.fire(new AccountDeactivated(accountId));
            audit.fire(SecurityEvent.success("account.deactivated")
                    .account(accountId)
                    .by(admin(adminId)));
        }
        return user;
    }

    /**
     * The account and everything that belongs to it, as if its owner had deleted it (the same rules
     * apply: the last owner of an organization cannot go).
     *
     * @throws UnknownUserException if no account has this id
     * @throws LastAdminException if it is the last active platform admin
     */
    @Transactional
    public void delete(UUID adminId, UUID accountId) {
        User user = lockLeavingAnAdmin(accountId);
        deleted.fire(new AccountDeleted(accountId));
        audit.fire(SecurityEvent.success("account.deleted")
                .account(accountId)
                .detail("email", user.email())
                .by(admin(adminId)));
        users.remove(user);
        users.flush();
    }

    /** The account, locked after every admin's, if another active admin remains when it goes. */
    private User lockLeavingAnAdmin(UUID accountId) {
        List<UserStore.AdminCandidate> adminAccounts = users.lockWithEmails(admins.emails());
        User user = users.findForUpdate(accountId).orElseThrow(UnknownUserException::new);
        if (user.active()
                && admins.isAdmin(user.email(), user.emailVerified())
                && adminAccounts.stream()
                        .noneMatch(other -> !other.id().equals(accountId)
                                && other.active()
                                && admins.isAdmin(other.email(), other.emailVerified()))) {
            throw new LastAdminException();
        }
        return user;
    }

    private static SecurityEvent.Actor admin(UUID adminId) {
        return new SecurityEvent.Actor(SecurityEvent.Actor.ADMIN, adminId);
    }
}
