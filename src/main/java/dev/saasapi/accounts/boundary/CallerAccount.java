package dev.saasapi.accounts.boundary;

import dev.saasapi.accounts.control.UnknownAccountException;
import dev.saasapi.accounts.control.UserStore;
import dev.saasapi.accounts.entity.User;
import dev.saasapi.accounts.entity.UserView;
import dev.saasapi.identity.control.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The account the request's access token names. Loading it is also where revocation is checked: a
 * token issued before the account's last "log out everywhere" or password change is refused here,
 * with the one primary-key lookup every protected request makes anyway.
 */
@ApplicationScoped
public class CallerAccount {

    @Inject
    Caller caller;

    @Inject
    UserStore users;

    /** @throws UnknownAccountException if the token was revoked or its account is gone or disabled */
    public User user() {
        return caller.accountId()
                .flatMap(users::findById)
                .filter(user -> user.acceptsToken(caller.issuedAt()))
                .orElseThrow(UnknownAccountException::new);
    }

    /**
     * The account as the API shows it, for requests that only read it: without the copy {@link #user}
     * makes ({@link UserStore#viewIfAcceptsToken}).
     *
     * @throws UnknownAccountException if the token was revoked or its account is gone or disabled
     */
    public UserView view() {
        return caller.accountId()
                .flatMap(id -> users.viewIfAcceptsToken(id, caller.issuedAt()))
                .orElseThrow(UnknownAccountException::new);
    }
}
