package dev.saasapi.organizations.control;

import dev.saasapi.platform.problems.control.ProblemException;
import dev.saasapi.platform.problems.entity.ProblemType;

/** The invitation is for another email than the caller's, or the caller's email is not verified yet. */
public class InvitationEmailMismatchException extends ProblemException {

    public static final ProblemType TYPE =
            new ProblemType("invitation-email-mismatch", 403, "Invitation for another email");
    private static final long serialVersionUID = 1L;

    public InvitationEmailMismatchException() {
        super(
                TYPE,
                "This invitation is for another email address, or yours is not verified yet: sign in with the invited address and verify it.");
    }
}
