package dev.saasapi.admin.boundary;

import dev.saasapi.accounts.boundary.CallerAccount;
import dev.saasapi.accounts.entity.User;
import dev.saasapi.identity.control.PlatformAdmins;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;

/**
 * The token's {@code admin} group says the caller was an admin when it was issued; every {@code
 * /admin} request checks again, so an address taken out of {@code ADMIN_EMAILS} since, or an email
 * changed since, loses the role at once.
 */
@ApplicationScoped
public class PlatformAdminCaller {

    @Inject
    CallerAccount account;

    @Inject
    PlatformAdmins admins;

    /** @throws ForbiddenException unless the caller's account is an admin now */
    public User require() {
        User caller = account.user();
        if (!admins.isAdmin(caller.email(), caller.emailVerified())) {
            throw new ForbiddenException();
        }
        return caller;
    }
}
