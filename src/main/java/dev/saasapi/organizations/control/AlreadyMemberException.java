package dev.saasapi.organizations.control;

import dev.saasapi.platform.problems.control.ProblemException;
import dev.saasapi.platform.problems.entity.ProblemType;

/** The email invited belongs to a member of the organization already. */
public class AlreadyMemberException extends ProblemException {

    public static final ProblemType TYPE = new ProblemType("already-member", 409, "Already a member");
    private static final long serialVersionUID = 1L;

    public AlreadyMemberException() {
        super(TYPE, "An account with this email is a member of this organization already.");
    }
}
