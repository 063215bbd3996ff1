package dev.saasapi.organizations.control;

import dev.saasapi.platform.problems.control.ProblemException;
import dev.saasapi.platform.problems.entity.ProblemType;

/** The organization in the path has no invitation with this id. */
public class UnknownInvitationException extends ProblemException {

    public static final ProblemType TYPE = new ProblemType("unknown-invitation", 404, "Unknown invitation");
    private static final long serialVersionUID = 1L;

    public UnknownInvitationException() {
        super(TYPE, "This organization has no invitation with this id.");
    }
}
