package dev.saasapi.sessions.boundary;

import dev.saasapi.accounts.entity.AccountDeactivated;
import dev.saasapi.accounts.entity.AccountDeleted;
import dev.saasapi.accounts.entity.PasswordChanged;
import dev.saasapi.platform.ratelimit.boundary.RateLimits;
import dev.saasapi.sessions.control.SessionStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Sessions follow the account: its events end them in the transaction of the change, so that a change
 * rolled back ends none and a committed one leaves none behind.
 */
@ApplicationScoped
public class SessionsFollowAccountChanges {

    @Inject
    SessionStore sessions;

    @Inject
    RateLimits limits;

    /** A password change ends every session but the one it was made from; the sessions' rows are locked after the account's. */
    void endSessionsOnPasswordChange(@Observes PasswordChanged change) {
        change.keptSession()
                .ifPresentOrElse(
                        kept -> sessions.removeOthersOf(change.accountId(), kept),
                        () -> sessions.removeAllOf(change.accountId()));
    }

    /**
     * A new password ends the wait of the account's email after failed logins: its owner is back in
     * control. In the change's transaction, on its connection: a connection taken after the commit,
     * during its completion, was never given back to the pool.
     */
    void forgetLoginFailuresOnPasswordChange(@Observes PasswordChanged change) {
        limits.forgetLoginFailures(change.email());
    }

    /** A deactivated account's sessions and refresh tokens go in the same transaction. */
    void endSessionsOnDeactivation(@Observes AccountDeactivated deactivation) {
        sessions.removeAllOf(deactivation.accountId());
    }

    /** A deleted account's sessions and refresh tokens go in the same transaction. */
    void endSessionsOnAccountDeletion(@Observes AccountDeleted deletion) {
        sessions.removeAllOf(deletion.accountId());
    }
}
