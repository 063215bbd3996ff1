package dev.saasapi.accounts.control;

import dev.saasapi.platform.problems.control.ProblemException;
import dev.saasapi.platform.problems.entity.ProblemType;

/** Deactivating or deleting the account would leave no active platform admin to undo it. */
public class LastAdminException extends ProblemException {

    public static final ProblemType TYPE = new ProblemType("last-admin", 409, "Last platform admin");
    private static final long serialVersionUID = 1L;

    public LastAdminException() {
        super(
                TYPE,
                "This is the last active platform admin: another address in ADMIN_EMAILS must have an active,"
                        + " verified account first.");
    }
}
