package dev.saasapi.accounts.boundary;

import dev.saasapi.accounts.control.EmailTakenException;
import dev.saasapi.accounts.control.UnknownAccountException;
import dev.saasapi.accounts.control.UserStore;
import dev.saasapi.accounts.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * The writes behind {@link UsersResource}, each in a transaction of its own that starts after the
 * password was checked: no database connection is held during the slow hash. Each goes ahead only if
 * the password is still the one that was checked.
 */
@ApplicationScoped
public class AccountChanges {

    @Inject
    UserStore users;

    @Transactional
    public User changeEmail(UUID userId, String verifiedHash, String email) {
        User user = current(userId, verifiedHash);
        users.findByEmail(email).filter(other -> !other.id().equals(user.id())).ifPresent(other -> {
            throw new EmailTakenException();
        });
        user.changeEmail(email);
        users.flush();
        return user;
    }

    /** The account and, through the foreign keys, its sessions and refresh tokens, at once. */
    @Transactional
    public void delete(UUID userId, String verifiedHash) {
        users.remove(current(userId, verifiedHash));
        users.flush();
    }

    private User current(UUID userId, String verifiedHash) {
        User user = users.findById(userId).filter(User::active).orElseThrow(UnknownAccountException::new);
        if (!user.passwordHash().equals(verifiedHash)) {
            throw UserStore.changedMeanwhile(); // the password changed since it was checked
        }
        return user;
    }
}
